/**
 * `marginalia check` on one sidecar of 10,000 and of 100,000 tags on detected spans of an article:
 * reading both files, validating the sidecar and comparing every tag with the article, as the CLI and
 * the editor's "Check all articles' sidecars" do. Both sizes, so that a time growing faster than the
 * tags shows (it was quadratic: 100,000 tags got no answer in a minute).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkSidecarFiles } from '../../server/src/node/checkFiles';
import { detectSpans } from '../../server/src/core/detect';
import { CodePointIndex } from '../../server/src/core/base/offsets';
import { serializeSidecar, SIDECAR_VERSION } from '../../server/src/core/sidecar';
import { report } from './figures';
import { tagOn } from './quickFix';
import { corpusOf } from './seeds';
import { median, round } from './statistics';

/** Detected spans per character of the seeds, about: 20,000 in a megabyte. */
const CHARACTERS_PER_SPAN = 50;

export async function benchCheck(short: boolean): Promise<void> {
  // The short run proves the figures can be measured, on a tenth of the tags.
  const sizes = short ? [1_000, 10_000] : [10_000, 100_000];
  const runs = short ? 1 : 5;
  const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-bench-check-'));
  try {
    const perTag: number[] = [];
    for (const [n, tagCount] of sizes.entries()) {
      const text = corpusOf(tagCount * CHARACTERS_PER_SPAN * 1.2);
      const spans = detectSpans(text);
      if (spans.length < tagCount) throw new Error(`the article has ${spans.length} detected spans, fewer than the ${tagCount} needed`);
      const index = new CodePointIndex(text);
      const annotations = Array.from({ length: tagCount }, (_, i) => tagOn(text, index, spans[Math.floor((i * spans.length) / tagCount)]));
      const articlePath = path.join(folder, `article-${tagCount}.txt`);
      const sidecarPath = path.join(folder, `article-${tagCount}.annotations.json`);
      writeFileSync(articlePath, text);
      writeFileSync(sidecarPath, serializeSidecar({ version: SIDECAR_VERSION, article: path.basename(articlePath), annotations }));
      const times: number[] = [];
      // One untimed run first warms up the JIT.
      for (let run = 0; run <= runs; run++) {
        const start = performance.now();
        const { results } = await checkSidecarFiles([{ path: sidecarPath, articlePath }]);
        if (run > 0) times.push(performance.now() - start);
        const [{ tags, problems }] = results;
        if (tags !== tagCount || problems.length > 0) throw new Error(`check found ${tags} tags and ${problems.length} problems, expected ${tagCount} and none`);
      }
      const ms = median(times);
      perTag.push(ms / tagCount);
      const name = `check, ${tagCount / 1000}k tags`;
      const extras = { tags: tagCount, articleMB: round(text.length / 1e6), ...(n > 0 && { msPerTagRatioToSmaller: round(perTag[1] / perTag[0], 2) }) };
      report(name, round(ms), 'ms (median)', n === 0 ? undefined : { comparison: '<=', limit: 3000 }, extras);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
