/**
 * A process that tags an article as fast as it can, for the crash and concurrency tests: each
 * update adds one tag through the real SidecarStore and then prints "wrote N".
 * Usage: node --import tsx tagWriter.ts ARTICLE WRITER_NAME COUNT (COUNT 0: forever)
 */
import { readFileSync } from 'node:fs';
import { newTag, SidecarStore } from '../../server/src/core/sidecar';

const [article, writer, countText] = process.argv.slice(2);
const count = Number(countText);
const text = readFileSync(article, 'utf8');
const words = [...text.matchAll(/\p{Lu}\p{Ll}+/gu)];
const store = new SidecarStore();

async function main(): Promise<void> {
  for (let written = 1; count === 0 || written <= count; written++) {
    const word = words[(written * 7919) % words.length];
    const start = [...text.slice(0, word.index)].length;
    await store.update(article, (sidecar) => {
      sidecar.annotations.push(newTag({ text, start, end: start + [...word[0]].length, label: 'PERSON', source: 'manual', annotator: `${writer}-${written}` }));
    });
    process.stdout.write(`wrote ${written}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
