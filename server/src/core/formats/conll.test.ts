import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { conllTokens, exportConll, exportConllDocument, importConll, type ConllScheme } from './conll';
import type { FormatTag } from './types';

/** A tag on the `occurrence`-th appearance of `covered` in `text`, in code points. */
function tagOn(text: string, covered: string, label: string, occurrence = 0): FormatTag {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(covered, at + 1);
  assert.ok(at >= 0, `${covered} not in the text`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...covered].length, text: covered, label };
}

/** The token and tag columns of an export, without the document lines. */
function rows(conll: string): string[] {
  return conll.split('\n').filter((line) => line !== '' && !line.startsWith('-DOCSTART-'));
}

describe('CoNLL tokens', () => {
  it('keeps a clock time and a number with thousands one token each, so that the rebuilt text reads "6:04 PM", not "6 : 04 PM"', () => {
    assert.deepEqual(conllTokens('At 6:04 PM, 1,000 left; ratio 3:1.').map((token) => token.text), ['At', '6:04', 'PM', ',', '1,000', 'left', ';', 'ratio', '3:1', '.']);
  });

  it('cut punctuation, clitics and symbols off words, as the CoNLL-2003 files do', () => {
    const text = "Kyiv's $50 plan, 3.5%... (U.S.) don't \"win\" Mr. J. Smith 1,000 York-based O'Neill";
    assert.deepEqual(
      conllTokens(text).map((token) => token.text),
      ['Kyiv', "'s", '$', '50', 'plan', ',', '3.5', '%', '...', '(', 'U.S.', ')', 'do', "n't", '"', 'win', '"', 'Mr.', 'J.', 'Smith', '1,000', 'York-based', "O'Neill"],
    );
  });

  it('count code points and keep emoji, skin tones, flags and combining marks whole', () => {
    const text = '👩‍💻 Cafe\u0301 👍🏽 🇺🇦 \u0301x';
    assert.deepEqual(conllTokens(text), [
      { start: 0, end: 3, text: '👩‍💻' },
      { start: 4, end: 9, text: 'Cafe\u0301' },
      { start: 10, end: 12, text: '👍🏽' },
      { start: 13, end: 15, text: '🇺🇦' },
      { start: 16, end: 17, text: '\u0301' },
      { start: 17, end: 18, text: 'x' },
    ]);
  });
});

describe('CoNLL export', () => {
  // Two ORGs side by side: the only place IOB1 writes B-.
  const text = 'Meta Google and Anna Smith met in Kyiv.\nThey left.';
  const tags = [tagOn(text, 'Meta', 'ORG'), tagOn(text, 'Google', 'ORG'), tagOn(text, 'Anna Smith', 'PERSON'), tagOn(text, 'Kyiv', 'GPE')];
  const expected: Record<ConllScheme, string[]> = {
    iob1: ['I-ORG', 'B-ORG', 'O', 'I-PERSON', 'I-PERSON', 'O', 'O', 'I-GPE', 'O', 'O', 'O', 'O'],
    iob2: ['B-ORG', 'B-ORG', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'B-GPE', 'O', 'O', 'O', 'O'],
    bioes: ['S-ORG', 'S-ORG', 'O', 'B-PERSON', 'E-PERSON', 'O', 'O', 'S-GPE', 'O', 'O', 'O', 'O'],
  };
  for (const scheme of ['iob1', 'iob2', 'bioes'] as const) {
    it(`writes ${scheme.toUpperCase()}: a token and its tag a line, a blank line after each sentence, -DOCSTART- before each document`, () => {
      const { text: conll, notices } = exportConll([{ name: 'a.txt', text, tags }], { scheme });
      const tokens = ['Meta', 'Google', 'and', 'Anna', 'Smith', 'met', 'in', 'Kyiv', '.', 'They', 'left', '.'];
      const lines = tokens.map((token, i) => `${token} ${expected[scheme][i]}`);
      assert.equal(conll, ['-DOCSTART- O', '', ...lines.slice(0, 9), '', ...lines.slice(9), '', ''].join('\n'));
      assert.deepEqual(notices, []);
    });
  }

  it('writes the outer of nested or overlapping tags and reports each other one, naming the article', () => {
    const text = 'The Bank of England in London.';
    const result = exportConllDocument({
      name: 'news/a.txt',
      text,
      tags: [tagOn(text, 'England', 'GPE'), tagOn(text, 'Bank of England', 'ORG'), tagOn(text, 'England in London', 'LOC')],
    });
    assert.deepEqual(rows(result.text), ['The O', 'Bank B-ORG', 'of I-ORG', 'England I-ORG', 'in O', 'London O', '. O']);
    assert.equal(result.notices.length, 2);
    assert.match(result.notices[1].message, /GPE "England" \(12-19\) is nested in ORG "Bank of England"/);
    assert.match(result.notices[0].message, /LOC "England in London" \(12-29\) overlaps ORG "Bank of England"/);
    assert.ok(result.notices.every((notice) => notice.document === 'news/a.txt'));
    assert.equal(result.refused, false);
  });

  it('refuses an article with overlapping tags in strict mode, and says why', () => {
    const text = 'The Bank of England.';
    const result = exportConllDocument({ name: 'a.txt', text, tags: [tagOn(text, 'England', 'GPE'), tagOn(text, 'Bank of England', 'ORG')] }, { strict: true });
    assert.equal(result.text, '');
    assert.equal(result.refused, true);
    assert.match(result.notices.at(-1)!.message, /strict/);
  });

  it('writes one entity for the same tag made by two annotators, without a notice', () => {
    const text = 'Kyiv.';
    const result = exportConllDocument({ name: 'a.txt', text, tags: [{ ...tagOn(text, 'Kyiv', 'GPE'), annotator: 'ann' }, { ...tagOn(text, 'Kyiv', 'GPE'), annotator: 'bob' }] });
    assert.deepEqual(rows(result.text), ['Kyiv B-GPE', '. O']);
    assert.deepEqual(result.notices, []);
  });

  it('cuts a token where a tag starts or ends inside it, so the entity keeps its exact span', () => {
    const text = 'The Kyivan 50km race.';
    const result = exportConllDocument({ name: 'a.txt', text, tags: [tagOn(text, 'Kyiv', 'GPE'), tagOn(text, '50', 'QUANTITY')] }, { scheme: 'iob2' });
    assert.deepEqual(rows(result.text), ['The O', 'Kyiv B-GPE', 'an O', '50 B-QUANTITY', 'km O', 'race O', '. O']);
  });

  it('keeps a tag that spans a CRLF line break in one sentence, and counts offsets in code points after emoji and combining marks', () => {
    const text = '🏆 Cafe\u0301 owner\r\nNew\r\nYork said 🇺🇦 no.';
    const result = exportConllDocument({ name: 'a.txt', text, tags: [tagOn(text, 'Cafe\u0301', 'ORG'), tagOn(text, 'New\r\nYork', 'GPE'), tagOn(text, 'no', 'CARDINAL')] }, { scheme: 'iob2' });
    assert.equal(
      result.text,
      ['-DOCSTART- O', '', '🏆 O', 'Cafe\u0301 B-ORG', 'owner O', '', 'New B-GPE', 'York I-GPE', 'said O', '🇺🇦 O', 'no B-CARDINAL', '. O', '', ''].join('\n'),
    );
  });

  it('reports tags outside the article and tags over white space only, and writes the rest', () => {
    const text = 'Kyiv  won.';
    const result = exportConllDocument({
      name: 'a.txt',
      text,
      tags: [tagOn(text, 'Kyiv', 'GPE'), { start: 4, end: 6, text: '  ', label: 'ORG' }, { start: 8, end: 40, text: 'x', label: 'ORG' }],
    });
    assert.deepEqual(rows(result.text), ['Kyiv B-GPE', 'won O', '. O']);
    assert.equal(result.notices.length, 2);
    assert.match(result.notices[0].message, /not within the article's 10 code points/);
    assert.match(result.notices[1].message, /covers only white space/);
  });
});

describe('CoNLL import', () => {
  // The CoNLL-2003 files' own form: four columns, IOB1, -DOCSTART- -X- -X- O.
  const conll2003 = [
    '-DOCSTART- -X- -X- O',
    '',
    'EU NNP B-NP I-ORG',
    'rejects VBZ B-VP O',
    'German JJ B-NP I-MISC',
    'call NN I-NP O',
    '. . O O',
    '',
    'Peter NNP B-NP I-PER',
    'Blackburn NNP I-NP I-PER',
    '',
    '-DOCSTART- -X- -X- O',
    '',
    'The DT B-NP O',
    '" " O O',
    'Commission NNP I-NP I-ORG',
    'Europe NNP I-NP B-ORG',
    '" " O O',
    "Kyiv NNP B-NP I-LOC",
    "'s POS B-NP O",
    '( ( O O',
    'U.S. NNP B-NP I-LOC',
    ') ) O O',
    'said VBD B-VP O',
    '. . O O',
    '',
  ].join('\n');

  it('reads any number of columns (the tag is the last), detects IOB1, and rebuilds readable text, one line a sentence', () => {
    const result = importConll(conll2003, 'train.conll');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.scheme, 'iob1');
    assert.equal(result.documents.length, 2);
    const [first, second] = result.documents;
    assert.equal(first.text, 'EU rejects German call.\nPeter Blackburn\n');
    assert.deepEqual(
      first.tags.map((tag) => [tag.start, tag.end, tag.text, tag.label]),
      [
        [0, 2, 'EU', 'ORG'],
        [11, 17, 'German', 'MISC'],
        [24, 39, 'Peter Blackburn', 'PER'],
      ],
    );
    assert.equal(first.line, 1);
    assert.equal(second.line, 12);
    assert.equal(second.text, 'The "Commission Europe" Kyiv\'s (U.S.) said.\n');
    // B- after I- of the same label starts a second entity.
    assert.deepEqual(
      second.tags.map((tag) => [tag.text, tag.label]),
      [
        ['Commission', 'ORG'],
        ['Europe', 'ORG'],
        ['Kyiv', 'LOC'],
        ['U.S.', 'LOC'],
      ],
    );
    for (const document of result.documents) {
      for (const tag of document.tags) assert.equal([...document.text!].slice(tag.start, tag.end).join(''), tag.text);
    }
  });

  it('gives back the same tokens and entities when the article it made is exported again', () => {
    const imported = importConll(conll2003, 'train.conll');
    const again = exportConll(
      imported.documents.map((document, i) => ({ name: `d${i}`, text: document.text!, tags: document.tags })),
      { scheme: 'iob1' },
    );
    const lastColumns = (text: string) => text.split('\n').map((line) => (line === '' ? '' : `${line.split(' ')[0]} ${line.split(' ').at(-1)}`));
    assert.deepEqual(again.notices, []);
    assert.equal(again.text, lastColumns(conll2003).join('\n') + '\n');
  });

  it('detects IOB2 and BIOES, reading CRLF files', () => {
    const iob2 = importConll('New B-GPE\r\nYork I-GPE\r\nKyiv B-GPE\r\n', 'a.conll');
    assert.equal(iob2.scheme, 'iob2');
    assert.deepEqual(iob2.documents[0].tags.map((tag) => tag.text), ['New York', 'Kyiv']);
    const bioes = importConll('New B-GPE\nYork E-GPE\nKyiv S-GPE\nand O\nEU S-ORG\n', 'a.conll');
    assert.equal(bioes.scheme, 'bioes');
    assert.deepEqual(bioes.documents[0].tags.map((tag) => tag.text), ['New York', 'Kyiv', 'EU']);
    assert.deepEqual(bioes.warnings, []);
    assert.equal(importConll('a O\n', 'a.conll').scheme, undefined);
  });

  it('counts offsets in code points past emoji and combining marks', () => {
    const result = importConll('🏆 O\nCafe\u0301 B-ORG\n👩‍💻 O\nKyiv B-GPE\n', 'a.conll');
    assert.equal(result.documents[0].text, '🏆 Cafe\u0301 👩‍💻 Kyiv\n');
    assert.deepEqual(result.documents[0].tags.map((tag) => [tag.start, tag.end, tag.text]), [
      [2, 7, 'Cafe\u0301'],
      [12, 16, 'Kyiv'],
    ]);
  });

  it('names the file and line of a malformed line, a tag like X-FOO or I-, and reads the rest', () => {
    const result = importConll(['Kyiv B-GPE', 'lonely', 'Odesa X-FOO', 'Lviv I-', 'Dnipro B-GPE', ''].join('\n'), 'bad.conll');
    assert.deepEqual(
      result.errors.map((error) => [error.document, error.line]),
      [
        ['bad.conll', 2],
        ['bad.conll', 3],
        ['bad.conll', 4],
      ],
    );
    assert.match(result.errors[0].message, /expected a token and a tag/);
    assert.match(result.errors[1].message, /"X-FOO" is not an IOB tag/);
    assert.match(result.errors[2].message, /"I-" is not an IOB tag/);
  });

  it('warns, naming the line, when a file mixes IOB1 and IOB2 starts, or breaks the BIOES form', () => {
    const mixed = importConll('Kyiv I-GPE\nand O\nOdesa B-GPE\n', 'm.conll');
    assert.equal(mixed.warnings.length, 1);
    assert.equal(mixed.warnings[0].line, 3);
    assert.match(mixed.warnings[0].message, /mixes IOB1 \(.*line 1\) and IOB2/);
    const broken = importConll('Kyiv S-GPE\nand O\nNew B-GPE\nYork I-GPE\n. O\n', 'b.conll');
    assert.deepEqual(broken.warnings.map((warning) => warning.line), [3]);
    assert.deepEqual(broken.documents[0].tags.map((tag) => tag.text), ['Kyiv', 'New York']);
  });

  it('warns when a token is not one token by our rule, so a re-export would cut it', () => {
    const result = importConll('Gov O\n. O\nSmith B-PERSON\nsaid. O\n', 'a.conll');
    assert.equal(result.warnings.length, 1);
    assert.equal(result.warnings[0].line, 1);
    assert.match(result.warnings[0].message, /"said\." is not one token/);
  });
});
