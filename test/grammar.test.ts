/**
 * The TextMate grammar colours numbers and dates before the server answers. Its patterns are
 * Oniguruma regexes that JS can run too; this checks what each scope catches, pattern order included.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import grammar from '../syntaxes/article.tmLanguage.json';

interface Rule {
  name?: string;
  match?: string;
  include?: string;
  patterns?: Rule[];
}

/** The top-level patterns flattened in the order a TextMate tokenizer tries them. */
function orderedRules(): Array<{ name: string; regex: RegExp }> {
  const repository = grammar.repository as Record<string, Rule>;
  const flatten = (rules: Rule[]): Array<{ name: string; regex: RegExp }> =>
    rules.flatMap((rule) => (rule.include ? flatten([repository[rule.include.slice(1)]]) : rule.patterns ? flatten(rule.patterns) : [{ name: rule.name!, regex: new RegExp(rule.match!, 'y') }]));
  return flatten(grammar.patterns as Rule[]);
}

/** Tokenizes like TextMate: at each position the first rule that matches there wins. */
function scopes(text: string): Array<[string, string]> {
  const rules = orderedRules();
  const found: Array<[string, string]> = [];
  for (let at = 0; at < text.length; ) {
    const hit = rules
      .map((rule) => {
        rule.regex.lastIndex = at;
        const match = rule.regex.exec(text);
        return match && match[0].length > 0 ? { name: rule.name, text: match[0] } : undefined;
      })
      .find(Boolean);
    if (hit) {
      found.push([hit.text, hit.name]);
      at += hit.text.length;
    } else at++;
  }
  return found;
}

describe('the article grammar', () => {
  it('colours dates, times, money, percentages and numbers', () => {
    assert.deepEqual(scopes('On November 4, 2023 at 6:04 PM Kyiv got $50 billion, 25% more than 28,500 shells on Monday.'), [
      ['November 4, 2023', 'string.other.date.marginalia'],
      ['6:04 PM', 'string.other.time.marginalia'],
      ['$50 billion', 'constant.numeric.money.marginalia'],
      ['25%', 'constant.numeric.percent.marginalia'],
      ['28,500', 'constant.numeric.marginalia'],
      ['Monday', 'string.other.date.marginalia'],
    ]);
  });

  it('leaves model names and trailing commas alone', () => {
    assert.deepEqual(scopes('F-16 jets, Su-34 bombers and 5, 6 or 7.'), [
      ['5', 'constant.numeric.marginalia'],
      ['6', 'constant.numeric.marginalia'],
      ['7', 'constant.numeric.marginalia'],
    ]);
  });

  it('colours ISO dates and day-first dates', () => {
    assert.deepEqual(scopes('2023-10-26 and 4 November 2023'), [
      ['2023-10-26', 'string.other.date.marginalia'],
      ['4 November 2023', 'string.other.date.marginalia'],
    ]);
  });
});
