import { existsSync } from 'node:fs';
import path from 'node:path';

/** The checkout's root, found from wherever this code runs (sources through tsx, or a bundle in out/). */
export const PROJECT_ROOT = ((): string => {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'package.json')) && existsSync(path.join(folder, 'seeds'))) return folder;
    if (path.dirname(folder) === folder) throw new Error(`no Marginalia checkout above ${__dirname}`);
  }
})();
