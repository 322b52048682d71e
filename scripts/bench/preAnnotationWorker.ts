/**
 * One worker thread's share of pre-annotation: what a future `marginalia annotate` does per article,
 * detect then save the detections as proposed tags through the sidecar store; or, for the baseline,
 * just read the article and write it back out.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { detect } from '../../server/src/core/detect';
import { newTag, SidecarStore } from '../../server/src/core/sidecar';

export interface PreAnnotationTask {
  work: 'annotate' | 'read-write';
  files: string[];
}

/** Resolves with the number of tags written. */
export async function runPreAnnotationTask({ work, files }: PreAnnotationTask): Promise<number> {
  const store = new SidecarStore();
  let tags = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    if (work === 'read-write') {
      await writeFile(`${file}.copy`, text);
      continue;
    }
    const proposed = detect(text).map((detection) =>
      newTag({
        text,
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
    await store.update(file, (sidecar) => ({ ...sidecar, annotations: proposed }));
    tags += proposed.length;
  }
  return tags;
}
