import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WordIndex } from '../core/corpusIndex/wordIndex';
import { CorpusIndexState, indexSetup, type PhraseCount } from './corpusIndexWorker';
import { decodeIndexCache, encodeIndexCache, IndexCacheProblem, indexCachePathFor, INDEX_CACHE_VERSION, wordIndexOf } from './corpusIndexCache';

/** An hour ago: files older than the racy window, as a corpus that was there before the server started. */
const EARLIER = new Date(Date.now() - 3600_000);

/** Every .txt file is an article (the `marginalia.articles` setting). */
const GLOBS = ['**/*.txt'];

const ARTICLES: Record<string, string> = {
  'a.txt': 'Olena Kovalenko met Marek Nowak in Kyiv.',
  'b.txt': 'Jean-Luc Moreau and Olena Kovalenko spoke.',
  'sub/c.txt': 'Nobody here: drones over the city.',
};

describe('the corpus index cache', () => {
  let root: string;
  let logged: string[];

  const write = (name: string, text: string, when = EARLIER) => {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    utimesSync(file, when, when);
  };
  const state = () => new CorpusIndexState(indexSetup([root], GLOBS), (line) => logged.push(line));
  const build = async (index: CorpusIndexState) => {
    await index.answer({ type: 'build' }, () => {});
    await index.save();
  };
  const count = async (index: CorpusIndexState, phrase: string) => (await index.answer({ type: 'count', phrase, folder: root, exclude: [], viewer: {} }, () => {})) as PhraseCount;
  const cacheFile = () => indexCachePathFor([root])!;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'marginalia-index-cache-'));
    logged = [];
    for (const [name, text] of Object.entries(ARTICLES)) write(name, text);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is written in .marginalia/cache/ (ignored by git there), and a start reads no article that did not change', async () => {
    await build(state());
    assert.ok(existsSync(cacheFile()));
    // A temp file left by a server stopped mid-write (its pid no longer runs) goes at the next write.
    const abandoned = path.join(path.dirname(cacheFile()), '.corpus-index.bin.999999999-0123abcd.tmp');
    writeFileSync(abandoned, 'half a cache');
    assert.equal(readFileSync(path.join(path.dirname(cacheFile()), '.gitignore'), 'utf8'), '*\n');
    logged = [];
    const again = state();
    await build(again);
    assert.match(logged[0]!, /^corpus index loaded from the cache: 3 articles, 0 read again \(changed or new\), 0 gone$/);
    again.dirty = true;
    await again.save();
    assert.ok(!existsSync(abandoned));
    assert.deepEqual(await count(again, 'Olena Kovalenko'), { occurrences: 2, articles: 2 });
  });

  it('round-trips the word index, the articles and the phrases kept by their text', async () => {
    const first = state();
    await build(first);
    await first.answer({ type: 'track', phrases: ['Jean-Luc Moreau'] }, () => {});
    await first.save();
    const bytes = readFileSync(cacheFile());
    const decoded = decodeIndexCache(bytes, { folders: [root], articles: GLOBS });
    assert.deepEqual(decoded.docs.map((doc) => doc?.path), Object.keys(ARTICLES).map((name) => path.join(root, name)));
    assert.deepEqual(Object.keys(decoded.phrases), ['Jean-Luc Moreau']);
    const words = wordIndexOf(decoded);
    assert.deepEqual([...words.find('Olena Kovalenko', () => true)!.keys()], [0, 1]);
    // Encoded again, the same bytes: nothing is lost or added on the way.
    assert.deepEqual(Buffer.concat(encodeIndexCache(decoded)), bytes);

    // Its articles are then read from nowhere: the places come from the cache.
    rmSync(path.join(root, 'b.txt'));
    const again = state();
    await again.answer({ type: 'build' }, () => {});
    assert.deepEqual(await count(again, 'Jean-Luc Moreau'), { occurrences: 0, articles: 0 }, 'b.txt is gone: forgotten, with its places');
  });

  it('ignores a damaged, cut short, foreign or other-folders cache with one line, and builds from the files', async () => {
    await build(state());
    const good = readFileSync(cacheFile());
    const damaged = Buffer.from(good);
    damaged[damaged.length - 30] ^= 0xff;
    const header = good.subarray(0, good.indexOf(10)).toString();
    const cases: Array<[Buffer, RegExp]> = [
      [damaged, /checksum does not match/],
      [good.subarray(0, good.length - 7), /cut short/],
      [Buffer.from(header.replace(`"version":${INDEX_CACHE_VERSION}`, `"version":${INDEX_CACHE_VERSION + 1}`) + good.subarray(header.length)), /version 2 of the format/],
      [Buffer.from('not a cache at all\n'), /header is not JSON/],
      [Buffer.alloc(0), /no header line/],
    ];
    for (const [bytes, problem] of cases) {
      assert.throws(() => decodeIndexCache(bytes, { folders: [root], articles: GLOBS }), (error: unknown) => error instanceof IndexCacheProblem && problem.test(error.message));
      writeFileSync(cacheFile(), bytes);
      logged = [];
      const rebuilt = state();
      await build(rebuilt);
      assert.equal(logged.length, 3, logged.join('\n'));
      assert.match(logged[0]!, new RegExp(`^corpus index cache .* not used: .*${problem.source}.*; the index is built from the files$`));
      assert.equal(logged[1], 'corpus index built from the files: 3 articles read');
      assert.deepEqual(await count(rebuilt, 'Olena Kovalenko'), { occurrences: 2, articles: 2 });
    }
    assert.throws(() => decodeIndexCache(good, { folders: [root, '/elsewhere'], articles: GLOBS }), /made for other folders/);
  });

  it('reads again an article whose size or modification time changed, or which was modified as it was read; forgets the deleted; reads the new', async () => {
    await build(state());
    // Same size, another time: "Marek Nowak" becomes "Marek Nowik".
    write('a.txt', ARTICLES['a.txt']!.replace('Nowak', 'Nowik'), new Date(EARLIER.getTime() + 1000));
    assert.equal(statSync(path.join(root, 'a.txt')).size, ARTICLES['a.txt']!.length);
    write('b.txt', 'Now much longer: Marek Nowak, Marek Nowak and Olena Kovalenko.', new Date());
    rmSync(path.join(root, 'sub/c.txt'));
    write('d.txt', 'New: Marek Nowak.', new Date());
    logged = [];
    const again = state();
    await build(again);
    assert.equal(logged[0], 'corpus index loaded from the cache: 3 articles, 3 read again (changed or new), 1 gone');
    assert.deepEqual(await count(again, 'Marek Nowak'), { occurrences: 3, articles: 2 });
    assert.deepEqual(await count(again, 'Marek Nowik'), { occurrences: 1, articles: 1 });
    assert.deepEqual(await count(again, 'drones'), { occurrences: 0, articles: 0 });

    // b.txt and d.txt were modified just now (within the racy window): read again at the next start, even unchanged.
    logged = [];
    await build(state());
    assert.equal(logged[0], 'corpus index loaded from the cache: 3 articles, 2 read again (changed or new), 0 gone');
  });

  it('reads again an article whose sidecar came, changed or went', async () => {
    await build(state());
    writeFileSync(path.join(root, 'a.annotations.json'), '{ broken');
    logged = [];
    const again = state();
    await build(again);
    assert.equal(logged[0], 'corpus index loaded from the cache: 3 articles, 1 read again (changed or new), 0 gone');
    assert.deepEqual(await count(again, 'Olena Kovalenko'), { occurrences: 1, articles: 1 }, 'an article whose sidecar cannot be read is not counted');
  });
});

describe('the word index image', () => {
  it('refuses arrays that do not fit together', () => {
    const index = new WordIndex();
    index.add(0, 'Olena Kovalenko met drones');
    const image = index.image();
    assert.ok(WordIndex.fromImage(index.image()).find('Olena Kovalenko', () => true)?.get(0));
    assert.throws(() => WordIndex.fromImage({ ...image, entries: new Int32Array([-1]) }), /not live/);
    assert.throws(() => WordIndex.fromImage({ ...image, words: [...image.words.slice(0, -1), image.words[0]!] }), /given twice/);
    assert.throws(() => WordIndex.fromImage({ ...image, data: new Int32Array([...image.data, 0]) }), /after the last list/);
  });
});
