import type { Tag } from './schema';

/**
 * Tags that passed TagSchema and were then frozen, so that they cannot have changed since: the store
 * writes them without validating them again. Frozen objects stay as they are in sloppy code too,
 * where assigning to them is silently ignored rather than an error.
 */
const validTags = new WeakSet<Tag>();

/** `tag`, which has just passed TagSchema, frozen in depth and remembered as valid. */
export function frozenValidTag(tag: Tag): Tag {
  validTags.add(freezeJson(tag));
  return tag;
}

export function isFrozenValidTag(tag: Tag): boolean {
  return validTags.has(tag);
}

/** Freezes JSON data in depth; what is frozen already (the store's tags) is frozen all through. */
export function freezeJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const field of Object.values(value)) freezeJson(field);
  return Object.freeze(value);
}
