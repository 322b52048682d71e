/**
 * A generated corpus for the progress tests: many small articles, each with a sidecar of a few tags,
 * enough that a run takes long enough to be interrupted half-way. Some sidecars can be made stale.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newTag, serializeSidecar, SIDECAR_VERSION } from '../server/src/core/sidecar';

const TEXT = 'President Volodymyr Zelensky met NATO officials in Brussels on Monday.\n';
const TAGGED = [
  { text: 'Volodymyr Zelensky', label: 'PERSON' },
  { text: 'NATO', label: 'ORG' },
  { text: 'Brussels', label: 'GPE' },
];

export interface GeneratedCorpus {
  root: string;
  /** Article paths by index, as `stale` counts them. */
  articles: string[];
}

/**
 * `count` articles in `folders` subfolders of `root` (by default a new temporary folder); the
 * article of each index in `stale` was edited after tagging ("Brussels" became "Antwerp"), so its
 * Brussels tag is orphaned.
 */
export function generateCorpus(count: number, options: { folders?: number; stale?: readonly number[]; root?: string } = {}): GeneratedCorpus {
  const root = options.root ?? mkdtempSync(path.join(tmpdir(), 'marginalia-progress-'));
  const folders = options.folders ?? 4;
  const stale = new Set(options.stale ?? []);
  const now = new Date('2025-11-05T10:00:00Z');
  // The same tags in every sidecar: each is valid on its own, and making them once keeps generation quick.
  const annotations = TAGGED.map(({ text, label }) => {
    const start = TEXT.indexOf(text);
    return newTag({ text: TEXT, start, end: start + text.length, label, source: 'manual', annotator: 'olena', now });
  });
  const articles: string[] = [];
  for (let index = 0; index < count; index++) {
    const folder = path.join(root, `part-${index % folders}`);
    mkdirSync(folder, { recursive: true });
    const name = `article-${String(index).padStart(5, '0')}`;
    const article = path.join(folder, `${name}.txt`);
    writeFileSync(article, stale.has(index) ? TEXT.replace('Brussels', 'Antwerp') : TEXT);
    writeFileSync(path.join(folder, `${name}.annotations.json`), serializeSidecar({ version: SIDECAR_VERSION, article: `${name}.txt`, annotations }));
    articles.push(article);
  }
  return { root, articles };
}
