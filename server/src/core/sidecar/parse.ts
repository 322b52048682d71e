import { describeJsonSyntaxError } from '../base/jsonSyntax';
import { describeIssues } from '../base/zodIssues';
import { SidecarError } from './errors';
import { migrateSidecar } from './migrate';
import { isPlainlyValidSidecar } from './plainSidecar';
import { SIDECAR_VERSION, SidecarSchema, type Sidecar } from './schema';

/**
 * Parses and validates the text of a sidecar, migrating an earlier format version to the current one
 * in memory (it is written in the current version on the next update); `path` only names the file in errors.
 */
export function parseSidecar(text: string, path: string): Sidecar {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SidecarError(path, `not valid JSON (${describeJsonSyntaxError(error, text)})`, { cause: error });
  }
  const version = isObject(json) ? json.version : undefined;
  if (typeof version === 'number' && version > SIDECAR_VERSION) {
    throw new SidecarError(
      path,
      `written by a newer Marginalia (sidecar format version ${version}; this version reads up to ${SIDECAR_VERSION}). Update Marginalia to open it.`,
    );
  }
  const current = typeof version === 'number' && version < SIDECAR_VERSION ? migrateSidecar(json, version, path) : json;
  // The common sidecar, as parsed, is checked by hand at a fraction of zod's cost (plainSidecar.ts);
  // anything else, a migrated one included, by zod.
  if (current === json && isPlainlyValidSidecar(current)) return current;
  const result = SidecarSchema.safeParse(current);
  if (!result.success) throw new SidecarError(path, describeIssues(result.error.issues), { cause: result.error });
  return result.data;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
