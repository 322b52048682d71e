/// <reference lib="dom" />
/**
 * Label Studio's own frontend reads our export (issue 16): `marginalia export --format labelstudio`
 * is loaded, with the `<View>` config labelStudioConfig() writes, into @heartexlabs/label-studio 1.4.0
 * in Chromium (installed aside by scripts/setup-test-deps.sh, never a project dependency; its build
 * served from a node:http server this test starts). The frontend's own store serialises every region
 * at the same offsets, label and text, and highlights exactly the tag's text, after emoji, a flag,
 * combining marks and CRLF: so its offsets are code points, as ours. Then a region drawn in the
 * frontend with the mouse's selection, and the annotation as it serialises it, imports back. A
 * relation between two tags loads into the frontend's relation store between the same regions, with
 * the same type and direction, and its serialisation imports back as the same relation.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { labelStudioConfig } from '../../server/src/core/formats/labelStudio';
import { DEFAULT_LABEL_SET } from '../../server/src/core/project/labelSet';
import { resolveRelationTypes } from '../../server/src/core/project/relationTypes';
import { newTag, serializeSidecar, SIDECAR_VERSION, type Relation, type Tag } from '../../server/src/core/sidecar';
import { launchBrowser } from '../support/browser';
import { PROJECT_ROOT } from '../support/projectRoot';

const LABEL_STUDIO = path.join(PROJECT_ROOT, '.vscode-test', 'label-studio-1.4.0', 'node_modules', '@heartexlabs', 'label-studio', 'build', 'static');
const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const TIMEOUT_MS = 30_000;
/** The config every task is shown with: our labels and the built-in relation types. */
const CONFIG = labelStudioConfig(DEFAULT_LABEL_SET, resolveRelationTypes(undefined));
/** A relation result as Label Studio serialises it. */
interface RelationResult {
  from_id: string;
  to_id: string;
  type: 'relation';
  direction: string;
  labels: string[];
}
const labelled = (results: Array<{ type?: string; value?: Region }>) => results.filter((result) => result.type !== 'relation') as Array<{ value: Region }>;
const relationResults = (results: Array<{ type?: string }>) => results.filter((result) => result.type === 'relation') as unknown as RelationResult[];
const marginalia = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--no-progress'], { encoding: 'utf8' });

/** Articles where code points and UTF-16 units part: an emoji, a flag, combining marks, CRLF. */
const ARTICLES: Record<string, string> = {
  'a.txt': '😀 President Volodymyr Zelensky met NATO officials in Brussels.\r\nKyiv é́ and Lviv 🇺🇦 then Odesa.\n',
  'b.txt': 'Zoë\u0301 visited 🇫🇷 Paris and Lyon 👩‍👩‍👧 on Monday.\r\n',
};

interface Region {
  start: number;
  end: number;
  text: string;
  labels: string[];
}

/** The page: the frontend's build, and `start(config, task)`, which shows a task as Label Studio's own page does and keeps the instance in `window.ls`. */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/ls/css/main.css"><script src="/ls/js/main.js"></script>
<script>
function start(config, task) {
  new LabelStudio('root', {
    config: config,
    task: task,
    interfaces: ['panel', 'side-column', 'annotations:menu', 'predictions:menu'],
    user: { id: 1, username: 'ann', email: 'ann@example.org' },
    onLabelStudioLoad: function (ls) { window.ls = ls; },
  });
}
</script></head><body><div id="root"></div></body></html>`;

describe('Label Studio frontend 1.4.0 reads our export', () => {
  let work = '';
  let server: Server;
  let base = '';
  let browser: Browser;
  let tasks: Array<{ data: { text: string; article: string }; annotations: Array<{ completed_by: unknown; result: Array<{ type?: string; value: Region }> }>; predictions: Array<{ result: Array<{ type?: string; value: Region; score?: number }> }> }> = [];

  before(async () => {
    assert.ok(existsSync(path.join(LABEL_STUDIO, 'js', 'main.js')), `${LABEL_STUDIO}/js/main.js is missing: run scripts/setup-test-deps.sh`);
    work = mkdtempSync(path.join(tmpdir(), 'marginalia-labelstudio-'));
    const corpus = path.join(work, 'corpus');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'marginalia.json'), '{}\n');
    const tagged: Record<string, Array<[string, string, Partial<Tag>?]>> = {
      'a.txt': [['Volodymyr Zelensky', 'PERSON'], ['NATO', 'ORG', { status: 'proposed', annotator: 'model-x' }], ['Brussels', 'GPE'], ['Kyiv', 'GPE'], ['Lviv', 'GPE', { status: 'proposed', annotator: 'model-x' }]],
      'b.txt': [['Zoë\u0301', 'PERSON'], ['Paris', 'GPE'], ['Monday', 'DATE']],
    };
    for (const [name, text] of Object.entries(ARTICLES)) {
      writeFileSync(path.join(corpus, name), text);
      const annotations = tagged[name].map(([needle, label, changes]) => {
        const start = [...text.slice(0, text.indexOf(needle))].length;
        return { ...newTag({ text, start, end: start + [...needle].length, label, source: 'manual', annotator: 'ann@example.org' }), ...changes };
      });
      // a.txt: Zelensky → Brussels (LOCATED_IN, directed) and Kyiv ↔ Brussels (ALLY_OF, no direction), after the emoji and the flag.
      const idOf = (text: string) => annotations.find((tag) => tag.text === text)!.id;
      const made = { status: 'accepted', source: 'manual', annotator: 'ann@example.org', created: '2024-05-01T12:00:00.000Z', modified: '2024-05-01T12:00:00.000Z' } as const;
      const relations: Relation[] =
        name === 'a.txt'
          ? [
              { id: 'r-located', type: 'LOCATED_IN', from: idOf('Volodymyr Zelensky'), to: idOf('Brussels'), ...made },
              { id: 'r-ally', type: 'ALLY_OF', from: idOf('Kyiv'), to: idOf('Brussels'), ...made },
            ]
          : [];
      writeFileSync(path.join(corpus, name.replace(/\.txt$/, '.annotations.json')), serializeSidecar({ version: SIDECAR_VERSION, article: name, annotations, ...(relations.length > 0 ? { relations } : {}) }));
    }
    const out = path.join(work, 'tasks.json');
    const run = marginalia('export', '--format', 'labelstudio', '--status', 'accepted,proposed', '--out', out, corpus);
    assert.equal(run.status, 0, run.stderr);
    tasks = JSON.parse(readFileSync(out, 'utf8'));
    server = createServer((request, response) => {
      const url = request.url ?? '/';
      const file = url.startsWith('/ls/') ? path.join(LABEL_STUDIO, path.normalize(url.slice(4))) : undefined;
      if (url === '/') response.setHeader('content-type', 'text/html; charset=utf-8').end(PAGE);
      else if (file?.startsWith(LABEL_STUDIO) && existsSync(file)) response.end(readFileSync(file));
      else response.writeHead(404).end();
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A page with the frontend showing `task`, once its annotations and predictions are loaded. */
  async function open(task: unknown): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(base);
    await page.evaluate(({ config, task }) => (window as unknown as { start(config: string, task: unknown): void }).start(config, task), { config: CONFIG, task });
    const { annotations, predictions } = task as { annotations: unknown[]; predictions: unknown[] };
    await page.waitForFunction(
      ([a, p]) => {
        const store = (window as unknown as { ls?: { annotationStore?: { annotations: unknown[]; predictions: unknown[] } } }).ls?.annotationStore;
        return store !== undefined && store.annotations.length === a && store.predictions.length === p;
      },
      [annotations.length, predictions.length],
      { timeout: TIMEOUT_MS },
    );
    assert.deepEqual(errors, []);
    return page;
  }

  /** Selects the annotation (or prediction) `index` and gives what the frontend serialises of it and highlights. */
  async function shown(page: Page, kind: 'annotations' | 'predictions', index: number, regions: number): Promise<{ serialized: Region[]; highlighted: string[] }> {
    await page.evaluate(
      ([kind, index]) => {
        const store = (window as unknown as { ls: { annotationStore: Record<string, any> } }).ls.annotationStore;
        const item = store[kind as string][index as number];
        if (kind === 'annotations') store.selectAnnotation(item.id);
        else store.selectPrediction(item.id);
      },
      [kind, index] as const,
    );
    await page.waitForFunction((count) => document.querySelectorAll('.lsf-richtext__container .htx-highlight').length === count, regions, { timeout: TIMEOUT_MS });
    return page.evaluate(() => ({
      serialized: (window as unknown as { ls: { annotationStore: { selected: { serializeAnnotation(): Array<{ type?: string; value: Region }> } } } }).ls.annotationStore.selected
        .serializeAnnotation()
        .filter((result) => result.type !== 'relation')
        .map(({ value }) => ({ start: value.start, end: value.end, text: value.text, labels: value.labels })),
      highlighted: [...document.querySelectorAll('.lsf-richtext__container .htx-highlight')].map((element) => element.textContent ?? ''),
    }));
  }

  it('puts every region of every task at its tag: same offsets, labels and text, highlighted over the tag\'s text', async () => {
    for (const task of tasks) {
      const page = await open(task);
      const text = task.data.text;
      const codePoints = (region: Region) => Array.from(text).slice(region.start, region.end).join('');
      for (const kind of ['annotations', 'predictions'] as const) {
        for (const [index, item] of task[kind].entries()) {
          const exported = labelled(item.result).map(({ value }) => ({ start: value.start, end: value.end, text: value.text, labels: value.labels }));
          const { serialized, highlighted } = await shown(page, kind, index, exported.length);
          assert.deepEqual(serialized, exported, `${task.data.article} ${kind} ${index}`);
          for (const region of exported) assert.equal(codePoints(region), region.text, 'our offsets count code points');
          const byStart = [...exported].sort((a, b) => a.start - b.start);
          assert.deepEqual(highlighted, byStart.map((region) => region.text), `${task.data.article}: the frontend highlights each tag's own text`);
        }
      }
      await page.close();
    }
  });

  it('imports back a region drawn in the frontend, as the frontend serialises the annotation', async () => {
    const task = tasks.find((candidate) => candidate.data.article === 'a.txt')!;
    const page = await open(task);
    await shown(page, 'annotations', 0, labelled(task.annotations[0].result).length);
    // Draw a GPE region over "Odesa" as a person does: the label, then the text selected with the mouse.
    await page.locator('.lsf-label', { hasText: 'GPE' }).first().click();
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.lsf-richtext__container')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('Odesa');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'Odesa'.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error('"Odesa" is not in the frontend\'s text');
    });
    const regions = labelled(task.annotations[0].result).length + 1;
    await page.waitForFunction((count) => document.querySelectorAll('.lsf-richtext__container .htx-highlight').length === count, regions, { timeout: TIMEOUT_MS });
    const result = await page.evaluate(() => (window as unknown as { ls: { annotationStore: { selected: { serializeAnnotation(): unknown[] } } } }).ls.annotationStore.selected.serializeAnnotation());
    await page.close();
    const drawn = labelled(result as Array<{ type?: string; value: Region }>).find((region) => region.value.text === 'Odesa');
    assert.ok(drawn, 'the frontend serialises the drawn region');

    const input = path.join(work, 'from-frontend.json');
    writeFileSync(input, JSON.stringify([{ id: 1, data: task.data, annotations: [{ id: 1, completed_by: { email: 'ann@example.org' }, result }] }], null, 1));
    const into = path.join(work, 'imported');
    const run = marginalia('import', '--format', 'labelstudio', '--as', 'accepted', '--into', into, input);
    assert.ok(run.status === 0 || run.status === 2, run.stderr);
    // Exit 2 only for the one thing named: 1.4.0 counts the emoji before an earlier region twice in a region drawn after it.
    for (const line of run.stderr.trim().split('\n').filter(Boolean)) assert.match(line, /value\.text "Odesa" is not at \d+\.\.\d+ but 1 characters before, as Label Studio's frontend writes a region after emoji/);
    const article = readFileSync(path.join(into, 'from-frontend-0001.txt'), 'utf8');
    assert.equal(article, ARTICLES['a.txt']);
    const tags = (JSON.parse(readFileSync(path.join(into, 'from-frontend-0001.annotations.json'), 'utf8')) as { annotations: Tag[] }).annotations;
    const seen = tags.map((tag) => [tag.label, tag.text, Array.from(article).slice(tag.start, tag.end).join(''), tag.annotator]).sort();
    assert.deepEqual(
      seen,
      [
        ['GPE', 'Brussels', 'Brussels', 'ann@example.org'],
        ['GPE', 'Kyiv', 'Kyiv', 'ann@example.org'],
        ['GPE', 'Odesa', 'Odesa', 'ann@example.org'],
        ['PERSON', 'Volodymyr Zelensky', 'Volodymyr Zelensky', 'ann@example.org'],
      ],
    );
  });

  it('loads a relation into the frontend\'s own relation store between the same regions, and imports its serialisation back as the same relation', async () => {
    const task = tasks.find((candidate) => candidate.data.article === 'a.txt')!;
    const exported = relationResults(task.annotations[0].result);
    const byType = (a: RelationResult, b: RelationResult) => a.labels[0].localeCompare(b.labels[0]);
    exported.sort(byType);
    assert.deepEqual(
      exported.map((relation) => [relation.labels, relation.direction]),
      [
        [['ALLY_OF'], 'bi'],
        [['LOCATED_IN'], 'right'],
      ],
    );
    const page = await open(task);
    await shown(page, 'annotations', 0, labelled(task.annotations[0].result).length);
    // What the frontend holds: its relation store's relations, each between two of its regions, with the labels chosen in <Relations>.
    await page.waitForFunction((count) => (window as unknown as { ls: { annotationStore: { selected: { relationStore: { relations: unknown[] } } } } }).ls.annotationStore.selected.relationStore.relations.length === count, exported.length, { timeout: TIMEOUT_MS });
    const held = await page.evaluate(() =>
      (window as any).ls.annotationStore.selected.relationStore.relations.map((relation: any) => ({
        // The store keys a region as "<result id>#<annotation id>"; cleanId is the result's own id.
        from: relation.node1.cleanId ?? relation.node1.id.split('#')[0],
        to: relation.node2.cleanId ?? relation.node2.id.split('#')[0],
        fromText: relation.node1.text,
        toText: relation.node2.text,
        direction: relation.direction,
        labels: relation.relations ? relation.relations.getSelected().map((choice: { value: string }) => choice.value) : [],
      })),
    );
    const serialized = await page.evaluate(() => (window as unknown as { ls: { annotationStore: { selected: { serializeAnnotation(): unknown[] } } } }).ls.annotationStore.selected.serializeAnnotation());
    await page.close();
    const regionText = new Map(labelled(task.annotations[0].result).map((result) => [(result as unknown as { id: string }).id, result.value.text]));
    assert.deepEqual(
      held
        .map((relation: { from: string; to: string; direction: string; labels: string[] }) => [relation.from, relation.to, relation.direction, relation.labels])
        .sort((a: [string, string, string, string[]], b: [string, string, string, string[]]) => a[3][0].localeCompare(b[3][0])),
      exported.map((relation) => [relation.from_id, relation.to_id, relation.direction, relation.labels]),
    );
    assert.deepEqual(
      exported.map((relation) => [regionText.get(relation.from_id), regionText.get(relation.to_id)]),
      [
        ['Kyiv', 'Brussels'],
        ['Volodymyr Zelensky', 'Brussels'],
      ],
    );
    assert.deepEqual(
      relationResults(serialized as Array<{ type?: string }>)
        .sort(byType)
        .map((relation) => [relation.from_id, relation.to_id, relation.direction, relation.labels]),
      exported.map((relation) => [relation.from_id, relation.to_id, relation.direction, relation.labels]),
      'the frontend serialises the relations as we wrote them',
    );

    const input = path.join(work, 'relations-from-frontend.json');
    writeFileSync(input, JSON.stringify([{ id: 1, data: task.data, annotations: [{ id: 1, completed_by: { email: 'ann@example.org' }, result: serialized }] }], null, 1));
    const into = path.join(work, 'relations-imported');
    const run = marginalia('import', '--format', 'labelstudio', '--as', 'accepted', '--into', into, input);
    assert.equal(run.status, 0, run.stderr);
    const written = JSON.parse(readFileSync(path.join(into, 'relations-from-frontend-0001.annotations.json'), 'utf8')) as { annotations: Tag[]; relations: Relation[] };
    const text = new Map(written.annotations.map((tag) => [tag.id, tag.text]));
    assert.deepEqual(
      written.relations.map((relation) => [relation.type, text.get(relation.from), text.get(relation.to), relation.annotator]).sort(),
      [
        ['ALLY_OF', 'Kyiv', 'Brussels', 'ann@example.org'],
        ['LOCATED_IN', 'Volodymyr Zelensky', 'Brussels', 'ann@example.org'],
      ],
    );
  });
});
