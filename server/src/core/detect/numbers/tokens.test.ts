import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { filterHashOf } from '../shared/textScan';
import { utf16Units } from '../shared/utf16Units';
import { mayBeStartWord, START_WORDS } from './anchors';
import { CURRENCY_ADJECTIVES, DOLLAR_PREFIXES, ISO_CURRENCIES, MONTHS } from './vocabulary';
import { beginsWithAsciiCapital, type Token, Tokenizer, UNHASHED } from './tokens';

function tokensOf(text: string): Token[] {
  const tokenizer = new Tokenizer(text, utf16Units(text));
  return tokenizer.tokens.slice(0, tokenizer.tokenize(0, text.length)) as Token[];
}

describe('number tokens', () => {
  it('hash each ASCII word as the start-word filter folds it, and leave other tokens unhashed', () => {
    const tokens = tokensOf("More than 5 US$ isn't Ukraine’s Сeasefire déjà-vu");
    const hashes = tokens.map((token) => [token.text, token.foldedHash]);
    assert.deepEqual(hashes, [
      ['More', filterHashOf('More', true)],
      ['than', filterHashOf('than', true)],
      ['5', UNHASHED],
      ['US', filterHashOf('US', true)],
      ['$', UNHASHED],
      ["isn't", filterHashOf("isn't", true)],
      ['Ukraine’s', UNHASHED],
      ['Сeasefire', UNHASHED],
      ['déjà', UNHASHED],
      ['-', UNHASHED],
      ['vu', filterHashOf('vu', true)],
    ]);
  });

  it('let every start word through the filter, in any case and between any characters', () => {
    const words = [...START_WORDS];
    const cased = fc.tuple(fc.constantFrom(...words), fc.constantFrom('lower', 'upper', 'title', 'as is')).map(([word, casing]) =>
      casing === 'lower' ? word.toLowerCase() : casing === 'upper' ? word.toUpperCase() : casing === 'title' ? word[0].toUpperCase() + word.slice(1) : word,
    );
    const around = fc.constantFrom(' ', '\n', '(', '"', '5', '-', '’', '$', ' \u00a0');
    fc.assert(
      fc.property(around, cased, around, (before, word, after) => {
        const text = `${before}${word}${after}`;
        for (const token of tokensOf(text)) {
          if (token.kind === 'word' && token.text === word) assert.ok(mayBeStartWord(token.foldedHash), `"${word}" in ${JSON.stringify(text)}`);
        }
      }),
    );
  });

  it('find every case-sensitive word (currencies, currency adjectives, months) among tokens that begin with an ASCII capital', () => {
    for (const word of [...DOLLAR_PREFIXES.keys(), ...ISO_CURRENCIES, 'Rs', ...CURRENCY_ADJECTIVES.keys(), ...MONTHS]) {
      assert.match(word, /^[A-Z]/, word);
      const [token] = tokensOf(word);
      assert.ok(beginsWithAsciiCapital(token, utf16Units(word)), word);
    }
    assert.ok(!beginsWithAsciiCapital(tokensOf('usd')[0], utf16Units('usd')));
  });
});
