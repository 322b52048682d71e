import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import { z } from 'zod';
import { DEFAULT_ARTICLE_GLOBS } from '../core/project/articleSelector';
import { GlobSchema, LabelNameSchema, LabelSettingsSchema } from '../core/project/projectFile';
import { describeIssues } from '../core/base/zodIssues';

/** The `marginalia.*` settings, as VS Code (or any editor answering workspace/configuration) gives them. */
export const SettingsSchema = z.object({
  articles: z.array(GlobSchema).default(DEFAULT_ARTICLE_GLOBS),
  annotator: z.string().default(''),
  labels: z.record(LabelNameSchema, LabelSettingsSchema).default({}),
  /** Untagged suggestions as Hint diagnostics (never Problems); off for a quieter editor. */
  suggestionHints: z.boolean().default(true),
  /**
   * Blind double annotation: each annotator sees only their own tags (and tools' proposals), so two
   * people can annotate the same articles independently. Off for a reviewer, who sees everyone's.
   */
  blind: z.boolean().default(false),
  /** Articles longer than this are analysed up to here only, and the annotator is told. */
  maxAnalysedCharacters: z.number().int().positive().default(5_000_000),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Settings from whatever the editor sent; a bad value is reported and replaced by its default. */
export function parseSettings(raw: unknown): { settings: Settings; problem?: string } {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  if (parsed.success) return { settings: parsed.data };
  return { settings: DEFAULT_SETTINGS, problem: `Marginalia settings ignored: ${describeIssues(parsed.error.issues)}` };
}

/** Who is annotating: the setting, else git's user.name in the workspace, else the login name. */
export async function resolveAnnotator(configured: string, folder: string | undefined): Promise<string> {
  if (configured.trim()) return configured.trim();
  try {
    const { stdout } = await promisify(execFile)('git', ['config', 'user.name'], { cwd: folder, timeout: 2000 });
    if (stdout.trim()) return stdout.trim();
  } catch {
    // No git, or no user.name: fall through to the login name.
  }
  try {
    return userInfo().username || 'annotator';
  } catch {
    return 'annotator';
  }
}
