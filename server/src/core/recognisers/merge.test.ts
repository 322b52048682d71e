import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodePointIndex } from '../base/offsets';
import type { KindedSpan } from '../detect';
import { mapLabels, mergeRecognised, shiftedAnswers, type RecogniserAnswer } from './merge';
import type { RecognisedSpan } from './protocol';

const TEXT = 'Denver beat Portland as Maria Okafor scored; 🎉 Okafor again.';
const at = (words: string, from = 0) => TEXT.indexOf(words, from);
const detected = (words: string, label: KindedSpan['label'], kind: KindedSpan['kind'] = 'entity', from = 0): KindedSpan => ({ start: at(words, from), end: at(words, from) + words.length, label, kind, confidence: 0.9 });
/** A model span in code points, as recognisers answer. */
const model = (words: string, label: string, score = 0.8, from = 0): RecognisedSpan => {
  const start = [...TEXT.slice(0, at(words, from))].length;
  return { start, end: start + [...words].length, label, kind: 'entity', score };
};
const index = new CodePointIndex(TEXT);
const shown = (spans: ReturnType<typeof mergeRecognised>) => spans.map((span) => `${TEXT.slice(span.start, span.end)} ${span.label}${span.recognisedBy ? ` (${span.recognisedBy.name} ${span.recognisedBy.score})` : ''}`);
const answer = (spans: RecognisedSpan[], merge?: RecogniserAnswer['config']['merge']): RecogniserAnswer => ({ config: { name: 'm', ...(merge && { merge }) }, spans });

describe('merging a recogniser with the detector', () => {
  const detector = [detected('Denver', 'GPE'), detected('Portland', 'GPE'), detected('Maria Okafor', 'PERSON')];

  it('both (the default): adds what the detector missed, joins what both found, offers another label on the same span, and never cuts across the detector', () => {
    const okaforAgain = model('Okafor', 'PERSON', 0.91, at('🎉'));
    const merged = mergeRecognised(detector, [answer([model('Denver', 'ORG'), model('Maria Okafor', 'PERSON', 0.95), model('Okafor', 'PERSON', 0.5), okaforAgain])], index);
    assert.deepEqual(shown(merged), ['Denver GPE', 'Denver ORG (m 0.8)', 'Portland GPE', 'Maria Okafor PERSON (m 0.95)', 'Okafor PERSON (m 0.91)']);
    // The surname after the emoji: code points converted to UTF-16.
    assert.equal(merged.at(-1)!.start, at('Okafor', at('🎉')));
  });

  it('model: the label is the model\'s alone, and its spans replace the overlapping suggestions of their kind', () => {
    const merged = mergeRecognised(detector, [answer([model('Denver', 'ORG')], { ORG: 'model', GPE: 'model' })], index);
    assert.deepEqual(shown(merged), ['Denver ORG (m 0.8)', 'Maria Okafor PERSON']);
  });

  it('detector: the model\'s spans of that label are ignored; "*" sets the rule for every other label', () => {
    const merged = mergeRecognised(detector, [answer([model('Denver', 'ORG'), model('Okafor', 'PERSON', 0.7, at('🎉'))], { PERSON: 'detector', '*': 'model' })], index);
    assert.deepEqual(shown(merged), ['Denver ORG (m 0.8)', 'Maria Okafor PERSON']);
  });

  it('maps the model\'s labels to the project\'s and names the unknown ones', () => {
    const kinds = new Map([['PERSON', 'entity'], ['ORG', 'entity']] as const);
    const { spans, unknown } = mapLabels([{ start: 0, end: 6, label: 'PER' }, { start: 7, end: 9, label: 'ORG' }, { start: 10, end: 12, label: 'MISC' }, { start: 13, end: 14, label: 'toString' }], { PER: 'PERSON' }, (label) => kinds.get(label as 'ORG'));
    assert.deepEqual(spans.map((span) => span.label), ['PERSON', 'ORG']);
    assert.deepEqual(unknown, ['MISC', 'toString']);
  });

  it('moves answers with an edit, and drops those the edit touched until the model answers again', () => {
    const answers = [answer([{ start: 0, end: 6, label: 'ORG', kind: 'entity' }, { start: 12, end: 20, label: 'ORG', kind: 'entity' }, { start: 24, end: 36, label: 'PERSON', kind: 'entity' }])];
    const edited = TEXT.replace('Portland', 'Seattle');
    const moved = shiftedAnswers(answers, TEXT, edited)[0]!.spans.map((span) => edited.slice(span.start, span.end));
    assert.deepEqual(moved, ['Denver', 'Maria Okafor']);
  });
});
