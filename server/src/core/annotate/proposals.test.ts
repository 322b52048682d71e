import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from '../detect';
import { Lexicon, contextAround } from '../lexicon';
import { newTag, type Tag } from '../sidecar';
import { proposalsFor, type ProposalChanges } from './proposals';

const TEXT = 'President Volodymyr Zelensky met NATO officials in Brussels on Monday, March 3, 2025.\n';
const NOW = new Date('2025-11-05T10:00:00.000Z');
const AT = '2025-11-01T09:00:00.000Z';

/** A tag on the first occurrence of `quote`. */
function tagOn(quote: string, label: string, overrides: Partial<Pick<Tag, 'status' | 'source' | 'annotator'>> = {}, text = TEXT): Tag {
  const start = [...text.slice(0, text.indexOf(quote))].length;
  const tag = newTag({ text, start, end: start + [...quote].length, label, source: overrides.source ?? 'manual', status: overrides.status, annotator: overrides.annotator ?? 'olena', now: NOW });
  return tag;
}

const propose = (tags: readonly Tag[], text = TEXT, lexicon?: Lexicon) => proposalsFor(text, tags, { annotator: 'marginalia', now: NOW, lexicon });
const described = (changes: ProposalChanges) => changes.put.map((tag) => `${tag.text}:${tag.label}`);

/** The sidecar's tags after applying the changes, as SidecarStore.updateTags would. */
function applied(tags: readonly Tag[], changes: ProposalChanges): Tag[] {
  const replaced = new Set([...changes.remove, ...changes.put.map((tag) => tag.id)]);
  return [...tags.filter((tag) => !replaced.has(tag.id)), ...changes.put];
}

describe('proposalsFor', () => {
  it('proposes each detection as a proposed import tag signed by the tool, with its value', () => {
    const changes = propose([]);
    const detections = detect(TEXT);
    assert.deepEqual(
      changes.put.map((tag) => [tag.start, tag.end, tag.label]),
      detections.map((detection) => [detection.start, detection.end, detection.label]),
    );
    assert.ok(changes.put.every((tag) => tag.status === 'proposed' && tag.source === 'import' && tag.annotator === 'marginalia' && tag.created === NOW.toISOString()));
    const date = changes.put.find((tag) => tag.label === 'DATE');
    assert.deepEqual(date?.value, { type: 'date', iso: '2025-03-03' });
    assert.deepEqual(changes.remove, []);
    assert.equal(changes.kept, 0);
  });

  it('is idempotent: a second run over its own proposals keeps them all and changes nothing', () => {
    const first = propose([]);
    const second = propose(applied([], first));
    assert.deepEqual(second, { put: [], remove: [], kept: first.put.length });
  });

  it('never touches a tag a person made or decided, nor proposes on its span or across a claim', () => {
    const accepted = tagOn('Volodymyr', 'PERSON', { status: 'accepted' });
    const rejected = tagOn('NATO', 'ORG', { status: 'rejected', source: 'suggestion' });
    const manualOtherLabel = tagOn('Brussels', 'LOC');
    const tags = [accepted, rejected, manualOtherLabel];
    const changes = propose(tags);
    assert.deepEqual(changes.remove, []);
    const proposed = described(changes);
    assert.ok(!proposed.includes('Volodymyr Zelensky:PERSON'), 'crosses the accepted "Volodymyr"');
    assert.ok(!proposed.includes('NATO:ORG'), 'the rejected span is not proposed again');
    assert.ok(!proposed.some((text) => text.startsWith('Brussels:')), 'a tag on the span, whatever its label');
    assert.ok(proposed.some((text) => text.startsWith('Monday')), 'the rest is proposed');
  });

  it("replaces its own proposals that are no longer found, but not other tools' or touched ones", () => {
    const stale = tagOn('officials', 'PERSON', { status: 'proposed', source: 'import', annotator: 'marginalia' });
    const otherTool = tagOn('President', 'ORG', { status: 'proposed', source: 'import', annotator: 'spacy' });
    const commented: Tag = { ...tagOn('met', 'EVENT', { status: 'proposed', source: 'import', annotator: 'marginalia' }), history: [{ at: AT, by: 'olena', action: 'commented', comment: 'keep?' }] };
    const changes = propose([stale, otherTool, commented]);
    assert.deepEqual(changes.remove, [stale.id]);
    assert.ok(!described(changes).some((text) => text.startsWith('President:')), "another tool's proposal holds its span");
  });

  it('replaces its own proposal with a new label or value at the same place', () => {
    const wrongLabel = tagOn('Brussels', 'LOC', { status: 'proposed', source: 'import', annotator: 'marginalia' });
    const changes = propose([wrongLabel]);
    assert.deepEqual(changes.remove, [wrongLabel.id]);
    assert.ok(described(changes).includes('Brussels:GPE'));
  });

  it('replaces its own proposal whose text moved in an edited article', () => {
    const before = propose([]);
    const edited = 'Breaking: ' + TEXT;
    const again = propose(applied([], before), edited);
    assert.equal(again.kept, 0);
    assert.equal(again.remove.length, before.put.length);
    assert.deepEqual(described(again), described(before));
  });

  it('keeps a person\'s tag where it moved to when checking its span', () => {
    const accepted = tagOn('NATO', 'ORG', { status: 'accepted' });
    const edited = 'Breaking: ' + TEXT;
    assert.ok(!described(propose([accepted], edited)).includes('NATO:ORG'));
  });

  it('proposes lexicon matches in place of the detections they overlap, unless a longer detection contains them, and drops suppressed places', () => {
    const text = 'Rustem Umerov met Ukrainian officials in Kyiv on Friday.\n';
    assert.deepEqual(described(propose([], text)), ['Rustem Umerov:PERSON', 'Ukrainian:NORP', 'Kyiv:GPE', 'Friday:DATE'], 'what the detector alone proposes');
    const lexicon = new Lexicon();
    lexicon.learn({ text: 'Umerov', label: 'ORG', kind: 'entity', by: 'ann', article: 'a.txt', at: AT });
    lexicon.learn({ text: 'Kyiv on Friday', label: 'EVENT', kind: 'entity', by: 'ann', article: 'a.txt', at: AT });
    const ukrainian = text.indexOf('Ukrainian');
    lexicon.suppress({ text: 'Ukrainian', label: 'NORP', ...contextAround(text, ukrainian, ukrainian + 'Ukrainian'.length), by: 'ann', article: 'a.txt', at: AT });
    assert.deepEqual(described(propose([], text, lexicon)), ['Rustem Umerov:PERSON', 'Kyiv on Friday:EVENT']);
  });

  it('proposes only the labels the project uses', () => {
    const changes = proposalsFor(TEXT, [], { annotator: 'marginalia', now: NOW, labels: new Set(['PERSON', 'GPE']) });
    assert.ok(changes.put.length > 0 && changes.put.every((tag) => tag.label === 'PERSON' || tag.label === 'GPE'));
  });

  it('counts code points, so a tag after an emoji lands on its text', () => {
    const text = '🇩🇪 Alexander Zverev beat Carlos Alcaraz in Madrid.\n';
    for (const tag of propose([], text).put) assert.equal([...text].slice(tag.start, tag.end).join(''), tag.text);
  });
});
