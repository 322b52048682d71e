/**
 * The corpus view a page at a time, through any LSP editor (issue 19): `marginalia/corpus` with a
 * `folder` answers that folder's children (subfolders first, with their article counts and tags
 * summed, then its articles), `offset` onwards, at most `limit`, with how many there are in all; a
 * change of the corpus between two pages shows as a new `version`.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CorpusChangedNotification, CorpusRequest, type CorpusPage, type CorpusParams, type CorpusSummary } from '../../server/src/api/protocol';
import { PROJECT_ROOT } from '../support/projectRoot';
import { startSession, type Session } from '../support/lspClient';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'agreement');
const SIDECARS = readdirSync(FIXTURES).filter((name) => name.endsWith('.annotations.json')).sort();
/** Tags in the agreement fixtures: 94 + 104 + 151 + 392 + 197. */
const FIXTURE_TAGS = 938;
const PER_FOLDER = 25;

describe('the corpus view a page at a time, through LSP', () => {
  let root: string;
  let session: Session;
  let changed: () => void = () => {};
  const page = (params: CorpusParams) => session.connection.sendRequest(CorpusRequest, params) as Promise<CorpusPage>;
  /** Every child of a folder, `limit` at a time, as a client pages: the pages, and the children's names. */
  const walk = async (folder: string, limit: number) => {
    const pages: CorpusPage[] = [];
    do pages.push(await page({ folder, offset: pages.length * limit, limit }));
    while (pages.length * limit < pages[0]!.totalChildren);
    return { pages, names: pages.flatMap((each) => each.children.map((child) => (child.kind === 'folder' ? `${child.label}/` : child.name))) };
  };
  /** Tells the server a file came or went, and waits until it says the corpus changed. */
  const announce = async (file: string, type: 1 | 3) => {
    const heard = new Promise<void>((resolve) => (changed = resolve));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type }] });
    await heard;
  };

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'marginalia-pages-'));
    mkdirSync(path.join(root, 'seeds', 'agreement'), { recursive: true });
    for (const name of SIDECARS) {
      copyFileSync(path.join(FIXTURES, name), path.join(root, 'seeds', 'agreement', name));
      copyFileSync(path.join(FIXTURES, name.replace('.annotations.json', '.txt')), path.join(root, 'seeds', 'agreement', name.replace('.annotations.json', '.txt')));
    }
    for (const folder of ['2024', '2025']) {
      mkdirSync(path.join(root, 'seeds', folder));
      for (let n = 0; n < PER_FOLDER; n++) writeFileSync(path.join(root, 'seeds', folder, `a${String(n).padStart(2, '0')}.txt`), `Report ${n} from Kyiv.\n`);
    }
    writeFileSync(path.join(root, 'seeds', 'top.txt'), 'An article beside the folders.\n');
    session = await startSession({ annotator: 'rev' }, { root });
    session.connection.onNotification(CorpusChangedNotification, () => changed());
  });
  after(async () => {
    await session.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers the top with one folder holding every article, its tags counted', async () => {
    const top = await page({ folder: '' });
    assert.equal(top.articles, 5 + 2 * PER_FOLDER + 1);
    assert.equal(top.total, FIXTURE_TAGS);
    assert.equal(top.totalChildren, 1);
    assert.deepEqual(top.children.map((child) => child.kind === 'folder' && [child.folder, child.label, child.articles, child.total]), [['seeds', 'seeds', 56, FIXTURE_TAGS]]);
  });

  it("expands a folder lazily: its subfolders first, with their articles and tags summed, then its own articles", async () => {
    const seeds = await page({ folder: 'seeds' });
    assert.deepEqual(
      seeds.children.map((child) => (child.kind === 'folder' ? [child.kind, child.folder, child.articles, child.total] : [child.kind, child.name, child.total])),
      [
        ['folder', 'seeds/2024', PER_FOLDER, 0],
        ['folder', 'seeds/2025', PER_FOLDER, 0],
        ['folder', 'seeds/agreement', 5, FIXTURE_TAGS],
        ['article', 'seeds/top.txt', 0],
      ],
    );
    const agreement = await page({ folder: 'seeds/agreement' });
    assert.deepEqual(agreement.children.map((child) => child.kind === 'article' && child.name), SIDECARS.map((name) => `seeds/agreement/${name.replace('.annotations.json', '.txt')}`));
    assert.equal(agreement.children.reduce((sum, child) => sum + child.total, 0), FIXTURE_TAGS);
    // The same counts as the whole listing gives each article.
    const listed = (await session.connection.sendRequest(CorpusRequest, {})) as CorpusSummary;
    for (const child of agreement.children) assert.deepEqual(child.kind === 'article' && child.counts, listed.articles.find((article) => child.kind === 'article' && article.uri === child.uri)?.counts);
  });

  it('pages through a folder by offset and limit, each child once, with the total on every page', async () => {
    const { pages, names } = await walk('seeds/2024', 7);
    assert.equal(pages.length, 4);
    assert.deepEqual(pages.map((each) => [each.offset, each.children.length, each.totalChildren]), [[0, 7, 25], [7, 7, 25], [14, 7, 25], [21, 4, 25]]);
    assert.deepEqual(names, Array.from({ length: PER_FOLDER }, (_, n) => `seeds/2024/a${String(n).padStart(2, '0')}.txt`));
    assert.equal(new Set(pages.map((each) => each.version)).size, 1, 'nothing changed between the pages');
    assert.deepEqual((await page({ folder: 'seeds/2024', offset: 25, limit: 7 })).children, []);
  });

  it('shows an article added or removed between two pages as a new version, and the next walk has it (or not)', async () => {
    const first = await page({ folder: 'seeds/2025', offset: 0, limit: 10 });
    const added = path.join(root, 'seeds', '2025', 'a00-late.txt');
    writeFileSync(added, 'Filed late from Lviv.\n');
    await announce(added, 1);
    const second = await page({ folder: 'seeds/2025', offset: 10, limit: 10 });
    assert.notEqual(second.version, first.version);
    assert.equal(second.totalChildren, PER_FOLDER + 1);
    // It sorts before the page asked for: the pages shifted, so the client walks again from the start.
    assert.ok((await walk('seeds/2025', 10)).names.includes('seeds/2025/a00-late.txt'));
    const folder = (await page({ folder: 'seeds', limit: 2 })).children.find((child) => child.kind === 'folder' && child.folder === 'seeds/2025');
    assert.equal(folder?.kind === 'folder' && folder.articles, PER_FOLDER + 1);

    unlinkSync(added);
    unlinkSync(path.join(root, 'seeds', '2025', 'a24.txt'));
    const third = await page({ folder: 'seeds/2025', offset: 0, limit: 10 });
    await announce(added, 3);
    await announce(path.join(root, 'seeds', '2025', 'a24.txt'), 3);
    const walked = await walk('seeds/2025', 10);
    assert.notEqual(walked.pages[0]!.version, third.version);
    assert.equal(walked.pages[0]!.totalChildren, PER_FOLDER - 1);
    assert.ok(!walked.names.includes('seeds/2025/a00-late.txt') && !walked.names.includes('seeds/2025/a24.txt'));
  });

  it('answers an empty page for a folder that holds no article (any more)', async () => {
    const gone = await page({ folder: 'seeds/1999', limit: 10 });
    assert.equal(gone.found, false);
    assert.deepEqual([gone.totalChildren, gone.children.length], [0, 0]);
  });

  it('refuses bad paging parameters with a clear message', async () => {
    await assert.rejects(page({ folder: 'seeds', offset: -1 }), /"offset" must be a whole number from 0, not -1/);
    await assert.rejects(page({ folder: 'seeds', limit: 0 }), /"limit" must be a whole number from 1, not 0/);
    await assert.rejects(page({ folder: 3 as unknown as string }), /"folder" must be a '\/'-separated folder name/);
    await assert.rejects(page({ offset: 200 }), /"offset" and "limit" page through a folder: name it with "folder"/);
  });
});
