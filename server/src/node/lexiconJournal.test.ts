import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lexicon, type Lesson } from '../core/lexicon/lexicon';
import { LexiconError, lexiconPathIn, serializeLexicon } from '../core/lexicon/lexiconFile';
import { lexiconJournalPathIn } from '../core/lexicon/lexiconJournal';
import { LexiconStore } from './lexiconStore';

const AT = '2026-12-06T10:00:00.000Z';
const lesson = (text: string, label = 'PERSON'): Lesson => ({ text, label, kind: 'entity', by: 'ann', article: '002.txt', at: AT });

/** A lexicon of `count` names, as a project that has been learning for a year has. */
function bigLexicon(count: number): Lexicon {
  const lexicon = new Lexicon();
  for (let index = 0; index < count; index++) lexicon.learn(lesson(`Name${index} Surname${index}`));
  return lexicon;
}

describe('incremental lexicon writes (journal beside the lexicon)', () => {
  let folder: string;
  let path: string;
  let journal: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'marginalia-journal-'));
    path = lexiconPathIn(folder);
    journal = lexiconJournalPathIn(folder);
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('learning a name appends one line to the journal and leaves the sorted lexicon file untouched', async () => {
    await writeFile(path, serializeLexicon(bigLexicon(2000).toFile()));
    const before = await stat(path);
    const store = new LexiconStore({ quietMs: 0 });
    await store.update(path, (lexicon) => lexicon.learn(lesson('Rustem Umerov')));
    await store.update(path, (lexicon) => lexicon.learn(lesson('Rustem Umerov')));
    const after = await stat(path);
    assert.equal(after.mtimeMs, before.mtimeMs, 'the main file is not rewritten at each action');
    assert.equal(after.ino, before.ino);
    const lines = (await readFile(journal, 'utf8')).split('\n');
    assert.deepEqual(lines.length, 3, 'one line per action, each ended');
    assert.match(lines[1]!, /"count":2/);
    // Another reader (another window, the CLI) folds the journal in.
    const fresh = await new LexiconStore({ quietMs: 0 }).read(path);
    assert.equal(fresh.toFile().entries.find((entry) => entry.text === 'Rustem Umerov')?.count, 2);
    assert.equal(fresh.toFile().entries.length, 2001);
    // The journal's folder ignores itself in git.
    assert.equal(await readFile(join(folder, '.marginalia', '.gitignore'), 'utf8'), '*\n');
  });

  it('compacts into the one-rule-a-line sorted file and removes the journal', async () => {
    const store = new LexiconStore({ quietMs: 0 });
    await store.update(path, (lexicon) => lexicon.learn(lesson('Zelensky')));
    await store.update(path, (lexicon) => lexicon.learn(lesson('Macron')));
    await store.update(path, (lexicon) => lexicon.unlearn('Zelensky', 'PERSON'));
    await store.close();
    const expected = new Lexicon();
    expected.learn(lesson('Macron'));
    assert.equal(await readFile(path, 'utf8'), serializeLexicon(expected.toFile()));
    await assert.rejects(stat(journal), /ENOENT/);
  });

  it('compacts on a quiet moment after the last action', async () => {
    const store = new LexiconStore({ quietMs: 1 });
    const compacted = new Promise<void>((resolve) => store.onCompacted(() => resolve()));
    await store.update(path, (lexicon) => lexicon.learn(lesson('Macron')));
    await compacted;
    assert.match(await readFile(path, 'utf8'), /"text":"Macron"/);
    await assert.rejects(stat(journal), /ENOENT/);
    await store.close();
  });

  it('compacts at once when the journal grows past its bound', async () => {
    const store = new LexiconStore({ quietMs: 0, journalLimitBytes: 600 });
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']) await store.update(path, (lexicon) => lexicon.learn(lesson(name)));
    assert.match(await readFile(path, 'utf8'), /"text":"Charlie"/);
    assert.ok((await stat(journal).then((found) => found.size, () => 0)) < 600);
    assert.equal((await new LexiconStore({ quietMs: 0 }).read(path)).toFile().entries.length, 5);
  });

  it('a crash mid-append loses at most that last line: the rest is read, and the next action repairs the journal', async () => {
    const store = new LexiconStore({ quietMs: 0 });
    await store.update(path, (lexicon) => lexicon.learn(lesson('Macron')));
    await appendFile(journal, '{"entry":{"text":"Schol');
    const read = await new LexiconStore({ quietMs: 0 }).read(path);
    assert.deepEqual(read.toFile().entries.map((entry) => entry.text), ['Macron']);
    const other = new LexiconStore({ quietMs: 0 });
    await other.update(path, (lexicon) => lexicon.learn(lesson('Scholz')));
    const again = await new LexiconStore({ quietMs: 0 }).read(path);
    assert.deepEqual(again.toFile().entries.map((entry) => entry.text).sort(), ['Macron', 'Scholz']);
    assert.ok(!(await readFile(journal, 'utf8').catch(() => '')).includes('Schol"'), 'the torn line is gone');
  });

  it('a crash between writing the compacted file and removing the journal changes nothing: its lines are states, read again harmlessly', async () => {
    const store = new LexiconStore({ quietMs: 0 });
    await store.update(path, (lexicon) => lexicon.learn(lesson('Macron')));
    await store.update(path, (lexicon) => lexicon.learn(lesson('Macron')));
    const journalText = await readFile(journal, 'utf8');
    await store.close();
    await writeFile(journal, journalText);
    const read = await new LexiconStore({ quietMs: 0 }).read(path);
    assert.equal(read.toFile().entries[0]?.count, 2);
  });

  it('two writers (two processes) append in turn and each sees the other', async () => {
    const [one, two] = [new LexiconStore({ quietMs: 0 }), new LexiconStore({ quietMs: 0 })];
    await one.update(path, (lexicon) => lexicon.learn(lesson('Macron')));
    await two.update(path, (lexicon) => lexicon.learn(lesson('Macron')));
    const seen = await one.update(path, (lexicon) => lexicon.learn(lesson('Macron')));
    assert.equal(seen.toFile().entries[0]?.count, 3);
  });

  it('refuses a journal line that is not a lexicon change, naming the file and line, and writes nothing', async () => {
    const store = new LexiconStore({ quietMs: 0 });
    await store.update(path, (lexicon) => lexicon.learn(lesson('Macron')));
    await appendFile(journal, '{"entry":{"text":"Scholz","label":"person"}}\n{"drop":{"text":"Macron","label":"PERSON"}}\n');
    const journalBefore = await readFile(journal, 'utf8');
    const fresh = new LexiconStore({ quietMs: 0 });
    await assert.rejects(fresh.read(path), (error: unknown) => error instanceof LexiconError && error.message.startsWith(`${journal}:2: `) && /label/.test(error.message));
    await assert.rejects(fresh.update(path, (lexicon) => lexicon.learn(lesson('Merz'))), LexiconError);
    assert.equal(await readFile(journal, 'utf8'), journalBefore);
  });

  it('a lexicon file replaced on disk (git pull) is read again, with the journal folded over it', async () => {
    const store = new LexiconStore({ quietMs: 0 });
    await store.update(path, (lexicon) => lexicon.learn(lesson('Macron')));
    const pulled = new Lexicon();
    pulled.learn(lesson('Scholz'));
    await writeFile(path, serializeLexicon(pulled.toFile()));
    const read = await store.read(path);
    assert.deepEqual(read.toFile().entries.map((entry) => entry.text).sort(), ['Macron', 'Scholz']);
  });
});
