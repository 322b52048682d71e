/** The sidecar store: tags saved as `<article>.annotations.json` beside `<article>.txt`. */
export { SidecarError } from './errors';
export { mergeSidecars, UnresolvedConflictError, type MergeResult } from './merge';
export { parseSidecar } from './parse';
export { isSidecarPath, sidecarPathFor } from './paths';
export {
  CONTEXT_LENGTH,
  DELETED,
  SETTLED_STATUSES,
  SIDECAR_VERSION,
  SidecarSchema,
  TAG_SOURCES,
  TAG_STATUSES,
  TagSchema,
  type Relation,
  type Sidecar,
  type SettledStatus,
  type Tag,
  type TagConflict,
  type TagContext,
  type TagSource,
  type TagStatus,
  type TagValue,
  type TagVersion,
  type TagChanges,
} from './schema';
export { compareTags, serializeRelation, serializeSidecar, serializeTag } from './serialize';
export { newTag, tagId, type NewTagOptions } from './tags';
