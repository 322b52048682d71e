import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mergeLexicons } from './merge';
import { LEXICON_VERSION, type LexiconEntry, type LexiconFile, type Suppression } from './schema';

const entry = (text: string, label: string, count: number, by = 'ann', at = '2026-11-01T10:00:00.000Z'): LexiconEntry => ({ text, label, kind: 'entity', count, by, article: '002.txt', at });
const rejection = (text: string, label: string, before: string, after: string, by = 'ann'): Suppression => ({ text, label, before, after, by, article: '000.txt', at: '2026-11-01T10:00:00.000Z' });
const lexicon = (entries: LexiconEntry[], suppressions: Suppression[] = []): LexiconFile => ({ version: LEXICON_VERSION, entries, suppressions });
const counts = (file: LexiconFile) => Object.fromEntries(file.entries.map((learnt) => [`${learnt.text}:${learnt.label}`, learnt.count]));
const rejections = (file: LexiconFile) => file.suppressions.map((rule) => `${rule.text}:${rule.label}:${rule.before}|${rule.after}`).sort();

describe('merging two branches of a lexicon', () => {
  it('keeps the names each branch taught, and adds up what both taught of the same one', () => {
    const base = lexicon([entry('Umerov', 'PERSON', 2)]);
    const ours = lexicon([entry('Umerov', 'PERSON', 3), entry('Kyiv', 'GPE', 1)]);
    const theirs = lexicon([entry('Umerov', 'PERSON', 4), entry('NATO', 'ORG', 2, 'bob')]);
    assert.deepEqual(counts(mergeLexicons(base, ours, theirs)), { 'Umerov:PERSON': 5, 'Kyiv:GPE': 1, 'NATO:ORG': 2 });
  });

  it('drops an entry whose tags one branch removed and the other left alone, and keeps one the other taught again', () => {
    const base = lexicon([entry('This', 'PERSON', 1), entry('Odesa', 'GPE', 1)]);
    const ours = lexicon([entry('Odesa', 'GPE', 1)]);
    const theirs = lexicon([entry('This', 'PERSON', 1)]);
    assert.deepEqual(counts(mergeLexicons(base, ours, theirs)), {});
    const taughtAgain = lexicon([entry('This', 'PERSON', 2), entry('Odesa', 'GPE', 1)]);
    assert.deepEqual(counts(mergeLexicons(base, ours, taughtAgain)), { 'This:PERSON': 1, 'Odesa:GPE': 1 });
  });

  it('names the first teacher: the base\'s, else whoever taught the name first', () => {
    const ours = lexicon([entry('Umerov', 'PERSON', 1, 'ann', '2026-11-03T10:00:00.000Z')]);
    const theirs = lexicon([entry('Umerov', 'PERSON', 1, 'bob', '2026-11-02T10:00:00.000Z')]);
    const merged = mergeLexicons(lexicon([]), ours, theirs).entries[0]!;
    assert.deepEqual([merged.by, merged.count], ['bob', 2]);
  });

  it('keeps rejections either branch added, and lifts one that a branch lifted', () => {
    const western = rejection('Western', 'NORP', 'sent', 'aid');
    const base = lexicon([], [western]);
    const ours = lexicon([], [western, rejection('US', 'GPE', 'the', 'announcing')]);
    const theirs = lexicon([], [rejection('Drones', 'PRODUCT', '', 'flew', 'bob')]);
    assert.deepEqual(rejections(mergeLexicons(base, ours, theirs)), ['Drones:PRODUCT:|flew', 'US:GPE:the|announcing']);
  });
});
