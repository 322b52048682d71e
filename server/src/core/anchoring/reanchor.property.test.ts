import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CONTEXT_LENGTH, type Tag } from '../sidecar/schema';
import { newTag } from '../sidecar/tags';
import { shiftTags, type CodePointChange } from './editTracking';
import { reanchorTags } from './reanchor';

/** Between words: spaces, line breaks, punctuation, typographic quotes and an emoji flag. */
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n\n', ' 🇺🇦 ', ' “', '” ', ' — '];
/** Inserted text never forms a word, so it cannot make a second copy of a tagged one. */
const INSERTABLE = [' ', '\n', '\r\n', '.', ',', '—', '’', '“', '😀', '\t', '  '];

interface TaggedArticle {
  text: string;
  tags: Tag[];
}

/**
 * An article of distinct words joined by separators, with tags on runs of whole words: every
 * tagged text occurs once, so where it belongs is never in doubt.
 */
const taggedArticle: fc.Arbitrary<TaggedArticle> = fc
  .uniqueArray(fc.stringMatching(/^[A-Za-zé]{3,9}$/), { minLength: 4, maxLength: 60, selector: (word) => word.toLowerCase() })
  .chain((words) =>
    fc.record({
      words: fc.constant(words),
      separators: fc.array(fc.constantFrom(...SEPARATORS), { minLength: words.length, maxLength: words.length }),
      tagged: fc.uniqueArray(fc.tuple(fc.nat(words.length - 1), fc.nat(2)), { minLength: 1, maxLength: 8, selector: ([first]) => first }),
    }),
  )
  .map(({ words, separators, tagged }) => {
    const starts: number[] = [];
    let text = '';
    words.forEach((word, index) => {
      starts.push([...text].length);
      text += word + (index < words.length - 1 ? separators[index] : '');
    });
    const tags = tagged.map(([first, extra]) => {
      const last = Math.min(words.length - 1, first + extra);
      return newTag({ text, start: starts[first], end: starts[last] + [...words[last]].length, label: 'PERSON', source: 'manual', annotator: 'test', now: new Date(0) });
    });
    return { text, tags };
  });

/** Random insertions, in code points of the text as it is when each applies, never inside a tag. */
type TextChange = CodePointChange & { text: string };

function insertionsOutside({ text, tags }: TaggedArticle): fc.Arbitrary<TextChange[]> {
  const length = [...text].length;
  const outside = (offset: number) => tags.every((tag) => offset <= tag.start || offset >= tag.end);
  return fc.array(fc.tuple(fc.nat(length), fc.array(fc.constantFrom(...INSERTABLE), { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 4 }).map((picks) => {
    // Offsets are drawn in the original text; applied from the end so that each stays valid.
    const sorted = picks.filter(([offset]) => outside(offset)).sort(([a], [b]) => b - a);
    return sorted.map(([offset, pieces]) => ({ start: offset, end: offset, newLength: [...pieces.join('')].length, text: pieces.join('') }));
  });
}

function applyChanges(text: string, changes: readonly TextChange[]): string {
  let characters = [...text];
  for (const change of changes) characters = [...characters.slice(0, change.start), ...change.text, ...characters.slice(change.end)];
  return characters.join('');
}

function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

/** Whether some tag has changes within its context on both sides: then nothing around it is left to find it by. */
function surroundedByChanges(tags: readonly Tag[], changes: readonly CodePointChange[]): boolean {
  return tags.some((tag) => {
    const before = changes.some((change) => change.end <= tag.start && change.end > tag.start - CONTEXT_LENGTH);
    const after = changes.some((change) => change.start >= tag.end && change.start < tag.end + CONTEXT_LENGTH);
    return before && after;
  });
}

describe('re-anchoring, for any article and tags', () => {
  it('leaves every tag unchanged when the text did not change', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).chain((text) => {
          const length = [...text].length;
          const span = fc.tuple(fc.nat(length - 1), fc.integer({ min: 1, max: length })).map(([start, size]) => [start, Math.min(length, start + size)] as const);
          return fc.record({ text: fc.constant(text), spans: fc.array(span, { maxLength: 10 }) });
        }),
        ({ text, spans }) => {
          const tags = spans.map(([start, end]) => newTag({ text, start, end, label: 'GPE', source: 'manual', annotator: 'test' }));
          for (const [index, result] of reanchorTags(text, tags).entries()) {
            assert.equal(result.outcome, 'unchanged');
            assert.deepEqual(result.tag, tags[index]);
          }
        },
      ),
    );
  });

  it('finds every tag at its shifted offset after insertions outside tags that spare one side of its context', () => {
    fc.assert(
      fc.property(
        taggedArticle.chain((article) => fc.record({ article: fc.constant(article), changes: insertionsOutside(article) })),
        ({ article, changes }) => {
          fc.pre(!surroundedByChanges(article.tags, changes));
          const edited = applyChanges(article.text, changes);
          const shifted = shiftTags(article.tags, changes);
          for (const [index, result] of reanchorTags(edited, article.tags).entries()) {
            assert.notEqual(result.outcome, 'orphaned', `${JSON.stringify(article.tags[index].text)} in ${JSON.stringify(edited)}: ${result.reason}`);
            assert.equal(result.tag.text, article.tags[index].text);
            assert.equal(result.tag.start, shifted[index].tag.start);
          }
        },
      ),
    );
  });

  it('agrees with shiftTags about insertions and deletions outside tags', () => {
    const withChanges = taggedArticle.chain((article) => {
      const length = [...article.text].length;
      const untagged = (start: number, end: number) => article.tags.every((tag) => end <= tag.start || start >= tag.end);
      const change = fc
        .tuple(fc.nat(length), fc.nat(6), fc.array(fc.constantFrom(...INSERTABLE), { maxLength: 3 }))
        .map(([start, size, pieces]) => ({ start, end: Math.min(length, start + size), text: pieces.join('') }))
        .filter(({ start, end }) => untagged(start, end) && article.tags.every((tag) => start <= tag.start || start >= tag.end));
      return fc.record({ article: fc.constant(article), picks: fc.array(change, { minLength: 1, maxLength: 3 }) });
    });
    fc.assert(
      fc.property(withChanges, ({ article, picks }) => {
        // Non-overlapping, applied from the end, so that offsets drawn in the original stay valid.
        const changes = picks
          .sort((a, b) => b.start - a.start)
          .filter((change, index, sorted) => index === 0 || change.end <= sorted[index - 1].start)
          .map((change) => ({ ...change, newLength: [...change.text].length }));
        const edited = applyChanges(article.text, changes);
        const shifted = shiftTags(article.tags, changes);
        for (const [index, result] of reanchorTags(edited, article.tags).entries()) {
          assert.equal(shifted[index].orphaned, false);
          assert.equal(codePointSlice(edited, shifted[index].tag.start, shifted[index].tag.end), article.tags[index].text);
          if (result.outcome !== 'orphaned') assert.deepEqual([result.tag.start, result.tag.end], [shifted[index].tag.start, shifted[index].tag.end]);
        }
      }),
    );
  });

  it('never throws, and every tag it keeps covers exactly its text, with fresh context, inside the article', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 120 });
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }).chain((text) => {
          const length = [...text].length;
          const span = fc.tuple(fc.nat(length - 1), fc.integer({ min: 1, max: 12 })).map(([start, size]) => [start, Math.min(length, start + size)] as const);
          const edit = fc.tuple(fc.nat(length), fc.nat(length), anyText);
          return fc.record({ text: fc.constant(text), spans: fc.array(span, { maxLength: 8 }), edits: fc.array(edit, { maxLength: 4 }) });
        }),
        ({ text, spans, edits }) => {
          const tags = spans.map(([start, end]) => newTag({ text, start, end, label: 'ORG', source: 'manual', annotator: 'test' }));
          let edited = [...text];
          for (const [a, b, inserted] of edits) edited = [...edited.slice(0, Math.min(a, b)), ...inserted, ...edited.slice(Math.max(a, b))];
          const editedText = edited.join('');
          for (const [index, result] of reanchorTags(editedText, tags).entries()) {
            if (result.outcome === 'orphaned') {
              assert.equal(result.tag, tags[index]);
              continue;
            }
            const { start, end, text: covered, context } = result.tag;
            assert.ok(Number.isInteger(start) && 0 <= start && start < end && end <= edited.length, `${start}..${end} of ${edited.length}`);
            assert.equal(covered, edited.slice(start, end).join(''));
            assert.equal(context.prefix, edited.slice(Math.max(0, start - CONTEXT_LENGTH), start).join(''));
            assert.equal(context.suffix, edited.slice(end, end + CONTEXT_LENGTH).join(''));
          }
        },
      ),
    );
  });
});
