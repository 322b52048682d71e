/**
 * One rule for an article saved with a byte order mark (Notepad does): offsets count the text
 * without it, in every reader, as in the editor (VS Code's document text has no BOM). Each reader is
 * given the same article with and without a BOM and must answer the same offsets.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { annotateArticle } from '../server/src/node/annotateArticle';
import { runDetect } from '../server/src/cli/detectCommand';
import { checkSidecarFiles } from '../server/src/node/checkFiles';
import { fixSidecars } from '../server/src/node/checkFix';
import { findSidecars } from '../server/src/node/corpusFiles';
import { eachCorpusFile, type CorpusItem } from '../server/src/node/sidecarCorpus';
import { ArticleSummaryCache } from '../server/src/node/articleSummaries';
import { newTag, serializeSidecar, SIDECAR_VERSION, sidecarPathFor, type Tag } from '../server/src/core/sidecar';
import { SidecarStore } from '../server/src/node/sidecarStore';

const TEXT = 'President Volodymyr Zelensky met NATO officials in Brussels on March 3, 2024.\n';
const BOM = '\uFEFF';

function corpusWith(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-bom-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

/** The tag the editor makes on `quote`: offsets in the text without a BOM. */
function editorTag(quote: string): Tag {
  const start = TEXT.indexOf(quote);
  return newTag({ text: TEXT, start, end: start + quote.length, label: 'PERSON', source: 'manual', annotator: 'ann' });
}

function writeSidecar(article: string, tags: Tag[]): void {
  writeFileSync(sidecarPathFor(article), serializeSidecar({ version: SIDECAR_VERSION, article: path.basename(article), annotations: tags }));
}

describe('an article saved with a byte order mark', () => {
  it('detect gives the offsets of the text without the BOM', async () => {
    const folder = corpusWith({ 'plain.txt': TEXT, 'marked.txt': BOM + TEXT });
    const detections = async (name: string) => {
      let out = '';
      const code = await runDetect({ files: [path.join(folder, name)], format: 'jsonl' }, (chunk) => (out += chunk), (line) => assert.fail(line));
      assert.equal(code, 0);
      return out.trim().split('\n').map((line) => JSON.parse(line) as { start: number; end: number; text: string; label: string });
    };
    const plain = await detections('plain.txt');
    assert.ok(plain.some((detection) => detection.text === 'Volodymyr Zelensky'));
    assert.deepEqual(
      (await detections('marked.txt')).map(({ start, end, text, label }) => ({ start, end, text, label })),
      plain.map(({ start, end, text, label }) => ({ start, end, text, label })),
    );
  });

  it('annotate proposes at the offsets the editor uses', async () => {
    const folder = corpusWith({ 'marked.txt': BOM + TEXT });
    const article = path.join(folder, 'marked.txt');
    const store = new SidecarStore();
    const outcome = await annotateArticle(article, { store, annotator: 'marginalia', dryRun: false, now: new Date() });
    assert.equal(outcome.status, 'changed');
    const { sidecar } = await store.read(article);
    const zelensky = sidecar.annotations.find((tag) => tag.text === 'Volodymyr Zelensky');
    assert.ok(zelensky, 'Zelensky proposed');
    assert.equal(zelensky.start, TEXT.indexOf('Volodymyr'));
    for (const tag of sidecar.annotations) assert.equal(TEXT.slice(tag.start, tag.end), tag.text, `${tag.label} "${tag.text}" at ${tag.start}`);
  });

  it("check finds the editor's tags sound", async () => {
    const folder = corpusWith({ 'marked.txt': BOM + TEXT });
    const article = path.join(folder, 'marked.txt');
    writeSidecar(article, [editorTag('President'), editorTag('Zelensky')]);
    const { results } = await checkSidecarFiles(await findSidecars(folder));
    assert.deepEqual(results.map((report) => report.problems), [[]]);
  });

  it('check --fix leaves the editor\'s tags where they are', async () => {
    const folder = corpusWith({ 'marked.txt': BOM + TEXT });
    const article = path.join(folder, 'marked.txt');
    const tags = [editorTag('President'), editorTag('Zelensky')];
    writeSidecar(article, tags);
    const fixed = await fixSidecars(await findSidecars(folder), (line) => assert.fail(line));
    assert.deepEqual(fixed, [], 'nothing to fix');
    const { sidecar } = await new SidecarStore().read(article);
    assert.deepEqual(sidecar.annotations.map(({ start, end, text }) => ({ start, end, text })), tags.map(({ start, end, text }) => ({ start, end, text })));
  });

  it('the corpus view counts none of its tags orphaned, and the report reads its text without the BOM', async () => {
    const folder = corpusWith({ 'marked.txt': BOM + TEXT });
    const article = path.join(folder, 'marked.txt');
    writeSidecar(article, [editorTag('President'), editorTag('Zelensky')]);
    const [{ summary, problem }] = await new ArticleSummaryCache().summarize([article]);
    assert.equal(problem, undefined);
    assert.equal(summary.counts.orphaned, 0);
    assert.equal(summary.counts.accepted, 2);
    const items: CorpusItem[] = [];
    await eachCorpusFile(folder, (item) => void items.push(item));
    const documents = items.flatMap((item) => ('document' in item ? [item.document] : []));
    assert.equal(documents[0].text, TEXT);
  });

  it('is never written back: the article keeps its BOM', async () => {
    const folder = corpusWith({ 'marked.txt': BOM + TEXT });
    const article = path.join(folder, 'marked.txt');
    await annotateArticle(article, { store: new SidecarStore(), annotator: 'marginalia', dryRun: false, now: new Date() });
    assert.equal(readFileSync(article, 'utf8'), BOM + TEXT);
  });
});
