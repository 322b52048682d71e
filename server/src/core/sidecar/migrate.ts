import { describeIssues } from '../base/zodIssues';
import { SidecarError } from './errors';
import { SIDECAR_VERSION, SidecarV1Schema, SidecarV2Schema, SidecarV3Schema, SidecarV4Schema } from './schema';

/**
 * Lifts the JSON of a sidecar written in an earlier format version to the current one, one version at
 * a time. Each step first validates its input against the schema of its own version, so that an old
 * file is held to the rules it was written under. The result still goes through the current schema.
 */
export function migrateSidecar(json: unknown, fromVersion: number, path: string): unknown {
  let migrated = json;
  for (let version = fromVersion; version < SIDECAR_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new SidecarError(path, `unknown sidecar format version ${fromVersion} (this version of Marginalia reads versions 1 to ${SIDECAR_VERSION})`);
    migrated = step(migrated, path);
  }
  return migrated;
}

/** From each format version to the next. */
const MIGRATIONS: Record<number, (json: unknown, path: string) => unknown> = {
  // Version 2 only added the conflict state, so every valid version 1 sidecar is a version 2 one.
  1: (json, path) => {
    const result = SidecarV1Schema.safeParse(json);
    if (!result.success) throw new SidecarError(path, `sidecar format version 1: ${describeIssues(result.error.issues)}`, { cause: result.error });
    return { ...result.data, version: 2 };
  },
  // Version 3 only added the status "approved" and the history, so every valid version 2 sidecar is a version 3 one.
  2: (json, path) => {
    const result = SidecarV2Schema.safeParse(json);
    if (!result.success) throw new SidecarError(path, `sidecar format version 2: ${describeIssues(result.error.issues)}`, { cause: result.error });
    return { ...result.data, version: 3 };
  },
  // Version 4 only added the orphan mark, so every valid version 3 sidecar is a version 4 one.
  3: (json, path) => {
    const result = SidecarV3Schema.safeParse(json);
    if (!result.success) throw new SidecarError(path, `sidecar format version 3: ${describeIssues(result.error.issues)}`, { cause: result.error });
    return { ...result.data, version: 4 };
  },
  // Version 5 only added relations (absent means none) and the step "reversed", so every valid version 4 sidecar is a version 5 one.
  4: (json, path) => {
    const result = SidecarV4Schema.safeParse(json);
    if (!result.success) throw new SidecarError(path, `sidecar format version 4: ${describeIssues(result.error.issues)}`, { cause: result.error });
    return { ...result.data, version: 5 };
  },
};
