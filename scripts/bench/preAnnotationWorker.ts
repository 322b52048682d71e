/**
 * The pre-annotation bench's baseline, on one worker thread: read each article and write it back out,
 * the file work pre-annotation cannot avoid. (Pre-annotation itself runs in the workers of
 * `marginalia annotate`: server/src/node/annotateWorker.ts.)
 */
import { readFile, writeFile } from 'node:fs/promises';

export interface PreAnnotationTask {
  files: string[];
}

export async function runPreAnnotationTask({ files }: PreAnnotationTask): Promise<void> {
  for (const file of files) await writeFile(`${file}.copy`, await readFile(file, 'utf8'));
}
