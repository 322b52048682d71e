/**
 * One worker thread's share of pre-annotation: what a future `marginalia annotate` does per article,
 * detect then save the detections as proposed tags through the sidecar store; or, for the baseline,
 * just read the article and write it back out.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { detect } from '../../server/src/core/detect';
import { CodePointIndex } from '../../server/src/core/offsets';
import { newTag, SidecarStore } from '../../server/src/core/sidecar';

export interface PreAnnotationTask {
  work: 'annotate' | 'read-write';
  files: string[];
}

/**
 * Sidecar writes in flight at once: while one waits for the disk (lock file, temp file, two fsyncs,
 * a rename), the next articles are detected. Each write holds only its article's tags.
 */
const WRITES_IN_FLIGHT = 8;

/** Resolves with the number of tags written. */
export async function runPreAnnotationTask({ work, files }: PreAnnotationTask): Promise<number> {
  const store = new SidecarStore();
  const writing = new Set<Promise<unknown>>();
  let tags = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    if (work === 'read-write') {
      await writeFile(`${file}.copy`, text);
      continue;
    }
    // One code point index per article: newTag would otherwise index the whole text for each tag.
    const index = new CodePointIndex(text);
    const proposed = detect(text).map((detection) =>
      newTag({
        text,
        index,
        start: detection.start,
        end: detection.end,
        label: detection.label,
        kind: detection.kind,
        source: 'import',
        status: 'proposed',
        annotator: 'marginalia',
        ...(detection.value && { value: detection.value }),
      }),
    );
    const written = store.update(file, (sidecar) => ({ ...sidecar, annotations: proposed })).finally(() => writing.delete(written));
    writing.add(written);
    if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
    tags += proposed.length;
  }
  await Promise.all(writing);
  return tags;
}
