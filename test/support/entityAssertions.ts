/** What the entity detector tags in a sentence, and the assertions the entity tests make on it. */
import assert from 'node:assert/strict';
import { findEntities } from '../../server/src/core/detect/entities';

/** "LABEL:covered text" for each suggestion, in order. */
export function tagged(text: string): string[] {
  return findEntities(text).map((span) => `${span.label}:${text.slice(span.start, span.end)}`);
}

/** Each of `expected` ("LABEL:text") is among the suggestions. */
export function assertTags(text: string, expected: readonly string[]): void {
  const tags = tagged(text);
  for (const tag of expected) assert.ok(tags.includes(tag), `expected ${tag} in ${JSON.stringify(tags)}`);
}

/** None of `unexpected` ("LABEL:text") is among the suggestions. */
export function assertNotTagged(text: string, unexpected: readonly string[]): void {
  const tags = tagged(text);
  for (const tag of unexpected) assert.ok(!tags.includes(tag), `did not expect ${tag} in ${JSON.stringify(tags)}`);
}

/** No suggestion covers any of `words`: as a part of its text, or with `wholeWords`, as one of its words. */
export function assertNoTagCovers(text: string, words: readonly string[], { wholeWords = false } = {}): void {
  for (const span of findEntities(text)) {
    const covered = text.slice(span.start, span.end);
    for (const word of words) assert.ok(wholeWords ? !covered.split(/\W+/).includes(word) : !covered.includes(word), `"${word}" should not be tagged, got ${span.label}:${covered}`);
  }
}
