/**
 * A tagged corpus of any size, written fast: `count` articles made from the seeds (ArticleGenerator)
 * in folders of 1,000, each with a sidecar where two annotators (ann and bob) accepted most of what
 * the detector finds and disagree on some (bob leaves out every 7th and relabels every 11th), and a
 * few proposals are left. Articles repeat from a pool of POOL generated ones, detected once each, so
 * that 100,000 articles are written in seconds (check, agreement and report read every file anyway).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CodePointIndex } from '../../server/src/core/base/offsets';
import { detectSpans } from '../../server/src/core/detect';
import { serializeSidecar, SIDECAR_VERSION, type Tag } from '../../server/src/core/sidecar';
import { tagId } from '../../server/src/core/sidecar/tags';
import { ArticleGenerator } from './articleGenerator';
import { tagOn } from './quickFix';

const POOL = 200;
const PER_FOLDER = 1_000;
const ARTICLE_NAME = '@@ARTICLE@@';

export interface TaggedCorpusOptions {
  /** Each article is its generated text this many times over (tags on the first copy): long articles (tests of memory). */
  repeat?: number;
  /** Distinct articles to repeat (POOL). */
  pool?: number;
  /** Without sidecars: articles only, for pre-annotation. */
  sidecars?: boolean;
}

/** The article paths, in order. */
export function writeTaggedCorpus(folder: string, count: number, options: TaggedCorpusOptions = {}): string[] {
  const generator = new ArticleGenerator();
  const pool = Array.from({ length: Math.min(options.pool ?? POOL, count) }, (_, n) => {
    const text = generator.article(n).repeat(options.repeat ?? 1);
    const index = new CodePointIndex(text);
    if (options.sidecars === false) return { text, sidecar: '' };
    const found = detectSpans(generator.article(n)).map((span) => tagOn(text, index, span));
    const tags: Tag[] = [];
    for (const [i, tag] of found.entries()) {
      if (i % 13 === 12) {
        tags.push({ ...tag, status: 'proposed', source: 'import', annotator: 'marginalia' });
        continue;
      }
      tags.push({ ...tag, status: 'accepted', annotator: 'ann' });
      if (i % 7 !== 6) tags.push({ ...tag, id: tagId(), status: 'accepted', annotator: 'bob', label: i % 11 === 10 && tag.kind === 'entity' ? (tag.label === 'ORG' ? 'GPE' : 'ORG') : tag.label });
    }
    return { text, sidecar: serializeSidecar({ version: SIDECAR_VERSION, article: ARTICLE_NAME, annotations: tags }) };
  });
  const articles: string[] = [];
  for (let n = 0; n < count; n++) {
    const part = path.join(folder, `part-${String(Math.floor(n / PER_FOLDER)).padStart(3, '0')}`);
    if (n % PER_FOLDER === 0) mkdirSync(part, { recursive: true });
    const name = `article-${String(n).padStart(6, '0')}`;
    const { text, sidecar } = pool[n % pool.length]!;
    writeFileSync(path.join(part, `${name}.txt`), text);
    if (options.sidecars !== false) writeFileSync(path.join(part, `${name}.annotations.json`), sidecar.replace(ARTICLE_NAME, `${name}.txt`));
    articles.push(path.join(part, `${name}.txt`));
  }
  return articles;
}
