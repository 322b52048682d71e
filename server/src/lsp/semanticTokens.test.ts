import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { encodeSemanticTokens, TOKEN_TYPES, TOKEN_MODIFIERS, type Highlight } from './semanticTokens';

/** Decodes tokens back to [text, type, modifiers joined by "+"] as an editor would show them. */
function decode(text: string, highlights: Highlight[]): Array<[string, string, string]> {
  const document = TextDocument.create('file:///a.txt', 'plaintext', 1, text);
  const data = encodeSemanticTokens(document, highlights);
  const lines = text.split(/\r\n|\r|\n/);
  const out: Array<[string, string, string]> = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push([lines[line].slice(character, character + data[i + 2]), TOKEN_TYPES[data[i + 3]], TOKEN_MODIFIERS.filter((_, bit) => data[i + 4] & (1 << bit)).join('+')]);
  }
  return out;
}

const at = (text: string, word: string, kind: Highlight['kind'], modifier: Highlight['modifier'] = 'suggested'): Highlight => {
  const start = text.indexOf(word);
  return { start, end: start + word.length, kind, modifier };
};

describe('semantic tokens', () => {
  it('colour each detection with the token type of its kind', () => {
    const text = 'Zelensky ordered 800 drones on Monday.';
    assert.deepEqual(decode(text, [at(text, 'Zelensky', 'entity'), at(text, '800', 'number'), at(text, 'Monday', 'date', 'tagged')]), [
      ['Zelensky', 'marginaliaEntity', 'suggested'],
      ['800', 'marginaliaNumber', 'suggested'],
      ['Monday', 'marginaliaDate', 'tagged'],
    ]);
  });

  it('tell review states apart for editors without decorations, each on top of tagged or suggested for themes that know only those', () => {
    const text = 'Ann approved Kyiv, Lviv was proposed, Odesa rejected, Kharkiv in conflict.';
    const highlights = [at(text, 'Kyiv', 'entity', 'approved'), at(text, 'Lviv', 'entity', 'proposed'), at(text, 'Odesa', 'entity', 'rejected'), at(text, 'Kharkiv', 'entity', 'conflict')];
    assert.deepEqual(decode(text, highlights), [
      ['Kyiv', 'marginaliaEntity', 'tagged+approved'],
      ['Lviv', 'marginaliaEntity', 'suggested+proposed'],
      ['Odesa', 'marginaliaEntity', 'rejected'],
      ['Kharkiv', 'marginaliaEntity', 'tagged+conflict'],
    ]);
  });

  it('split a tag that crosses a line break into one token a line', () => {
    const text = 'the South China\r\nMorning Post said';
    const start = text.indexOf('South');
    const end = text.indexOf(' said');
    assert.deepEqual(decode(text, [{ start, end, kind: 'entity', modifier: 'tagged' }]), [
      ['South China', 'marginaliaEntity', 'tagged'],
      ['Morning Post', 'marginaliaEntity', 'tagged'],
    ]);
  });

  it('show a nested tag inside the tag that holds it', () => {
    const text = "Ukraine's Defense Ministry said";
    const outer = at(text, "Ukraine's Defense Ministry", 'entity', 'tagged');
    const inner = at(text, 'Ukraine', 'entity', 'tagged');
    assert.deepEqual(decode(text, [outer, inner]), [
      ['Ukraine', 'marginaliaEntity', 'tagged'],
      ["'s Defense Ministry", 'marginaliaEntity', 'tagged'],
    ]);
  });

  it('prefer a tag over a suggestion of the same span, and never emit overlapping tokens', () => {
    const text = 'NATO met.';
    assert.deepEqual(decode(text, [at(text, 'NATO', 'entity'), at(text, 'NATO', 'entity', 'tagged')]), [['NATO', 'marginaliaEntity', 'tagged']]);
  });

  it('give the overlap of two spans to the tag, and the rest to the suggestion', () => {
    const text = 'abcdefgh';
    const tokens = decode(text, [
      { start: 0, end: 5, kind: 'entity', modifier: 'tagged' },
      { start: 3, end: 8, kind: 'date', modifier: 'suggested' },
    ]);
    assert.deepEqual(tokens.map((token) => token[0]).join('|'), 'abcde|fgh');
  });
});
