/**
 * A learning action (accept → lexicon written) with a lexicon of 1,000, 10,000 and 100,000 learnt
 * names: what a tag action adds to its sidecar write, through the lexicon store the server uses
 * (lock, bring the lexicon up to date with its files, learn, write). Each action teaches a new name.
 * The store is the server's, kept between actions; it is the store of a long-running server, so the
 * first (untimed) action reads the lexicon file, as opening the corpus's first article does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Lexicon } from '../../server/src/core/lexicon/lexicon';
import { lexiconPathIn, serializeLexicon } from '../../server/src/core/lexicon/lexiconFile';
import { LexiconStore } from '../../server/src/node/lexiconStore';
import { report } from './figures';
import { median, p95, round } from './statistics';

const AT = '2026-12-06T10:00:00.000Z';

export async function benchLexiconLearning(short: boolean): Promise<void> {
  const sizes = short ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const actions = short ? 5 : 40;
  for (const names of sizes) {
    const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-bench-lexicon-'));
    try {
      const file = lexiconPathIn(folder);
      const lexicon = new Lexicon();
      for (let index = 0; index < names; index++) lexicon.learn({ text: `Name${index} Surname${index}`, label: 'PERSON', kind: 'entity', by: 'ann', article: `articles/${index % 977}.txt`, at: AT });
      writeFileSync(file, serializeLexicon(lexicon.toFile()));
      // No compaction on a quiet moment while timing: the actions follow one another, as an annotator's do.
      const store = new LexiconStore({ quietMs: 0 });
      const learn = async (index: number) => {
        const start = performance.now();
        await store.update(file, (known) => known.learn({ text: `Newname${index} Taught`, label: 'PERSON', kind: 'entity', by: 'ann', article: 'articles/1.txt', at: new Date().toISOString() }));
        return performance.now() - start;
      };
      await learn(-1);
      const times: number[] = [];
      for (let index = 0; index < actions; index++) times.push(await learn(index));
      const written = await new LexiconStore({ quietMs: 0 }).read(file);
      if (written.toFile().entries.length !== names + actions + 1) throw new Error(`the lexicon holds ${written.toFile().entries.length} names, expected ${names + actions + 1}`);
      const compactStart = performance.now();
      await store.close();
      const compactMs = performance.now() - compactStart;
      report(`learning action → lexicon written, ${names / 1000}k names`, round(p95(times)), 'ms (p95)', names === 100_000 ? { comparison: '<=', limit: 20 } : undefined, { median: round(median(times)), actions, compactionMs: round(compactMs) });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}
