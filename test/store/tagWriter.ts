/**
 * A process that tags an article through the real SidecarStore, for the crash and concurrency tests.
 * Each tag is signed `WRITER_NAME-N`, and acknowledged on stdout only once `update` has resolved
 * (the sidecar is on disk): "wrote N WRITER_NAME-N".
 * Usage: node --import tsx tagWriter.ts ARTICLE WRITER_NAME COUNT (a WRITER_NAME starting with "cli": blocking calls)
 *   COUNT > 0: that many tags as fast as it can; 0: forever;
 *   "stdin": one tag per line read from stdin, answering "wrote N NAME-N" or "failed N NAME-N: why".
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { newTag } from '../../server/src/core/sidecar';
import { SidecarStore } from '../../server/src/node/sidecarStore';

const [article, writer, countText] = process.argv.slice(2);
const text = readFileSync(article, 'utf8');
const words = [...text.matchAll(/\p{Lu}\p{Ll}+/gu)];
// Writers named cli… take the lock and write with blocking calls, as `marginalia annotate`'s worker
// threads do, so that every crash and race below meets both kinds of writer.
const store = new SidecarStore({ blocking: writer.startsWith('cli') });

async function tag(written: number): Promise<string> {
  const word = words[(written * 7919 + writer.length) % words.length];
  const start = [...text.slice(0, word.index)].length;
  const annotator = `${writer}-${written}`;
  await store.update(article, (sidecar) => {
    sidecar.annotations.push(newTag({ text, start, end: start + [...word[0]].length, label: 'PERSON', source: 'manual', annotator }));
  });
  return annotator;
}

async function main(): Promise<void> {
  if (countText === 'stdin') {
    let written = 0;
    for await (const _line of createInterface({ input: process.stdin })) {
      written++;
      try {
        process.stdout.write(`wrote ${written} ${await tag(written)}\n`);
      } catch (error) {
        process.stdout.write(`failed ${written} ${writer}-${written}: ${String((error as Error).message).replace(/\n/g, ' ')}\n`);
      }
    }
    return;
  }
  const count = Number(countText);
  for (let written = 1; count === 0 || written <= count; written++) process.stdout.write(`wrote ${written} ${await tag(written)}\n`);
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
