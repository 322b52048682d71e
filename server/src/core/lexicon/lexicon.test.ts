import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Lexicon, type Lesson } from './lexicon';
import { contextAround } from './matching';
import { LexiconStore } from '../../node/lexiconStore';
import { lexiconPathIn } from './lexiconFile';

const AT = '2026-11-22T10:00:00.000Z';
const lesson = (text: string, label = 'PERSON', overrides: Partial<Lesson> = {}): Lesson => ({ text, label, kind: 'entity', by: 'ann', article: '002.txt', at: AT, ...overrides });
const found = (lexicon: Lexicon, article: string) => lexicon.matches(article).map((match) => `${article.slice(match.start, match.end)}:${match.label}`);

describe('the project lexicon', () => {
  it('finds taught text again as whole words, a possessive left outside the span', () => {
    const lexicon = new Lexicon();
    lexicon.learn(lesson('Umerov'));
    assert.deepEqual(found(lexicon, "Umerov met Umerovich; Umerov's plan and Umerov’s aide."), ['Umerov:PERSON', 'Umerov:PERSON', 'Umerov:PERSON']);
  });

  it('keeps the case it was taught in, but matches a headline in capitals and a lower-case word starting a sentence', () => {
    const lexicon = new Lexicon();
    lexicon.learn(lesson('Will'));
    lexicon.learn(lesson('drones', 'PRODUCT', { kind: 'entity' }));
    assert.deepEqual(found(lexicon, 'Will said it will. WILL AGREES. Drones flew; drones fell.'), ['Will:PERSON', 'WILL:PERSON', 'Drones:PRODUCT', 'drones:PRODUCT']);
  });

  it('prefers the longest text at a place, and the label most tags gave to one text', () => {
    const lexicon = new Lexicon();
    lexicon.learn(lesson('Defense Ministry', 'ORG'));
    lexicon.learn(lesson('Defense', 'ORG'));
    lexicon.learn(lesson('Washington', 'PERSON'));
    lexicon.learn(lesson('Washington', 'GPE'));
    lexicon.learn(lesson('Washington', 'GPE'));
    assert.deepEqual(found(lexicon, 'The Defense Ministry in Washington.'), ['Defense Ministry:ORG', 'Washington:GPE']);
  });

  it('forgets an entry once the last tag that taught it is gone', () => {
    const lexicon = new Lexicon();
    lexicon.learn(lesson('Umerov'));
    lexicon.learn(lesson('Umerov'));
    lexicon.unlearn('Umerov', 'PERSON');
    assert.equal(found(lexicon, 'Umerov').length, 1);
    lexicon.unlearn('Umerov', 'PERSON');
    assert.equal(found(lexicon, 'Umerov').length, 0);
  });

  it('suppresses a rejected suggestion in the same context only: the words either side', () => {
    const lexicon = new Lexicon();
    lexicon.learn(lesson('Western', 'NORP'));
    const article = 'Western aid arrived. Western aid again. Western leaders met.';
    lexicon.suppress({ text: 'Western', label: 'NORP', ...contextAround(article, 0, 7), by: 'ann', article: '000.txt', at: AT });
    assert.deepEqual(contextAround(article, 0, 7), { before: '', after: 'aid' });
    assert.deepEqual(lexicon.matches(article).map((match) => match.start), [article.indexOf('Western leaders')]);
    assert.ok(lexicon.isSuppressed(article, 21, 28, 'NORP'));
    assert.ok(!lexicon.isSuppressed(article, 21, 28, 'GPE'), 'another label is another suggestion');
  });

  it('stops suggesting a label rejected in more places than tags taught it, and says why in the list', () => {
    const lexicon = new Lexicon();
    // One mistaken tag taught "This" as PERSON; rejections, each in its own context, outvote it.
    lexicon.learn(lesson('This'));
    const article = 'This week. This plan. This time.';
    const reject = (at: number) => lexicon.suppress({ text: 'This', label: 'PERSON', ...contextAround(article, at, at + 4), by: 'bob', article: '003.txt', at: AT });
    reject(0);
    assert.deepEqual(found(lexicon, article), ['This:PERSON', 'This:PERSON'], 'one rejection against one tag: suggested elsewhere still');
    reject(article.indexOf('This plan'));
    assert.deepEqual(found(lexicon, article), []);
    assert.match(lexicon.rules()[0]!.description, /^"This" is PERSON: taught by ann in 002\.txt; no longer suggested, rejected in 2 places$/);
    lexicon.learn(lesson('This'));
    lexicon.learn(lesson('This'));
    assert.deepEqual(found(lexicon, article), ['This:PERSON'], 'more tags than rejections: suggested again, but not where rejected');
  });

  it('lists what it learnt in words, and forgets a rule by its id', () => {
    const lexicon = new Lexicon();
    lexicon.learn(lesson('Umerov'));
    lexicon.suppress({ text: 'Western', label: 'GPE', before: '', after: 'aid', by: 'bob', article: '000.txt', at: AT });
    const rules = lexicon.rules();
    assert.deepEqual(rules.map((rule) => rule.description), ['"Umerov" is PERSON: taught by ann in 002.txt', '"Western" is not GPE in "Western aid": rejected by bob in 000.txt']);
    assert.ok(lexicon.forget(rules[0]!.id));
    assert.ok(lexicon.forget(rules[1]!.id));
    assert.equal(lexicon.size, 0);
    assert.ok(!lexicon.forget(rules[0]!.id));
  });
});

describe('the lexicon file', () => {
  it('is written one entry a line, sorted, and read back the same', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-lexicon-'));
    const file = lexiconPathIn(folder);
    const store = new LexiconStore({ quietMs: 0 });
    await store.update(file, (lexicon) => {
      lexicon.learn(lesson('Zelensky'));
      lexicon.learn(lesson('Umerov'));
    });
    // A learning action appends to the journal; the file is written whole when the journal is compacted.
    await store.compact(file);
    const text = readFileSync(file, 'utf8');
    assert.equal(text, [
      '{',
      '  "version": 1,',
      '  "entries": [',
      '    {"text":"Umerov","label":"PERSON","kind":"entity","count":1,"by":"ann","article":"002.txt","at":"2026-11-22T10:00:00.000Z"},',
      '    {"text":"Zelensky","label":"PERSON","kind":"entity","count":1,"by":"ann","article":"002.txt","at":"2026-11-22T10:00:00.000Z"}',
      '  ],',
      '  "suppressions": []',
      '}',
      '',
    ].join('\n'));
    assert.deepEqual((await store.read(file)).toFile().entries.map((entry) => entry.text).sort(), ['Umerov', 'Zelensky']);
  });

  it('refuses a broken file with its name and problem, and never overwrites it', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-lexicon-'));
    const file = lexiconPathIn(folder);
    writeFileSync(file, '{"version":1,"entries":[{"text":"Umerov"}],"suppressions":[]}');
    await assert.rejects(new LexiconStore().update(file, (lexicon) => lexicon.learn(lesson('Zelensky'))), /marginalia\.lexicon\.json: is not a Marginalia lexicon: entries\[0\]/);
    assert.equal(readFileSync(file, 'utf8'), '{"version":1,"entries":[{"text":"Umerov"}],"suppressions":[]}');
  });

  it('refuses bytes that are not UTF-8 instead of saving them as U+FFFD, as a sidecar is refused', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-lexicon-'));
    const file = lexiconPathIn(folder);
    // "Zelensk\xff": a Latin-1 byte from another editor, not UTF-8.
    const entry = Buffer.from('{"text":"Zelensk\xff","label":"PERSON","kind":"entity","count":1,"by":"ann","article":"002.txt","at":"2026-11-22T10:00:00.000Z"}', 'latin1');
    const bytes = Buffer.concat([Buffer.from('{"version":1,"entries":['), entry, Buffer.from('],"suppressions":[]}\n')]);
    writeFileSync(file, bytes);
    const store = new LexiconStore();
    await assert.rejects(store.read(file), (error: Error) => error.name === 'LexiconError' && error.message.startsWith(`${file}: `) && /not valid UTF-8/.test(error.message));
    await assert.rejects(store.update(file, (lexicon) => lexicon.learn(lesson('Umerov'))), /not valid UTF-8/);
    assert.deepEqual(readFileSync(file), bytes);
  });

  it('reads a file that starts with a byte order mark, and writes it back without one', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-lexicon-'));
    const file = lexiconPathIn(folder);
    writeFileSync(file, '\uFEFF{"version":1,"entries":[],"suppressions":[]}\n');
    const store = new LexiconStore();
    assert.equal((await store.read(file)).size, 0);
    await store.update(file, (lexicon) => lexicon.learn(lesson('Umerov')));
    await store.compact(file);
    assert.ok(readFileSync(file, 'utf8').startsWith('{\n  "version": 1'));
  });
});
