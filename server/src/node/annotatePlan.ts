import { resolve } from 'node:path';
import { LexiconError, lexiconPathIn } from '../core/lexicon';
import { LexiconStore } from './lexiconStore';
import type { ProjectLookup } from '../core/project/articleSelector';
import { resolveRelationTypes } from '../core/project/relationTypes';
import { resolveLabelSet } from '../core/project/labelSet';
import type { LabelSettings } from '../core/project/projectFile';
import { referenceDateOf } from '../core/project/referenceDate';
import { SidecarError } from '../core/sidecar/errors';
import { refuseSharedSidecar } from '../core/sidecar/sharedSidecarGuard';
import { nodeFiles } from './nodeFiles';
import type { ArticleOutcome } from './annotateArticle';
import type { PlannedArticle } from './annotatePool';
import type { ArticleProfile } from './annotateWorker';

/** An article to pre-annotate, and the folder whose lexicon applies when no marginalia.json governs it. */
export interface ArticleToAnnotate {
  path: string;
  /** The folder searched (the CLI's PATH) or the workspace folder: where a lexicon lies without a project. */
  root: string;
}

export interface AnnotationPlan {
  articles: PlannedArticle[];
  profiles: ArticleProfile[];
  /** Articles left out before any work, each with why (a broken project or lexicon file). */
  skipped: Array<Extract<ArticleOutcome, { status: 'skipped' }>>;
  /** Said before the run, naming the article: annotated all the same (a path that gives no real day for the reference date). */
  warnings: string[];
}

export interface PlanOptions {
  /** The project (marginalia.json) an article belongs to, or the problem with it. */
  projectOf: (path: string) => ProjectLookup;
  /** The editor's label settings, applied over the project's (the CLI has none). */
  userLabels?: Record<string, LabelSettings>;
  lexicons?: LexiconStore;
  /** The CLI's --reference-date: for articles stating no date, in place of the project's rule. */
  referenceDate?: string;
}

/**
 * Groups articles by what their proposals depend on — the corpus lexicon (marginalia.lexicon.json in
 * the folder of their marginalia.json, else in their root) and the project's label set — reading
 * each lexicon once. An article under a broken marginalia.json or lexicon is skipped with the
 * problem: proposing without the lexicon would bring back suggestions someone rejected.
 */
export async function planAnnotation(articles: readonly ArticleToAnnotate[], options: PlanOptions): Promise<AnnotationPlan> {
  const lexicons = options.lexicons ?? new LexiconStore();
  const plan: AnnotationPlan = { articles: [], profiles: [], skipped: [], warnings: [] };
  const profileOfKey = new Map<string, number>();
  const lexiconOfFolder = new Map<string, Promise<ArticleProfile['lexicon'] | LexiconError>>();
  for (const { path, root } of articles) {
    const lookup = options.projectOf(path);
    if (lookup.problem) {
      plan.skipped.push({ article: path, status: 'skipped', reason: lookup.problem });
      continue;
    }
    // Checked here, listing each folder once, rather than by every write (see refuseSharedSidecar).
    const shared = await refuseSharedSidecar(nodeFiles, resolve(path)).then(() => undefined, (error: unknown) => {
      if (error instanceof SidecarError) return error;
      throw error;
    });
    if (shared) {
      plan.skipped.push({ article: path, status: 'skipped', reason: shared.message });
      continue;
    }
    const folder = resolve(lookup.project?.folder ?? root);
    if (!lexiconOfFolder.has(folder)) lexiconOfFolder.set(folder, readLexicon(lexicons, lexiconPathIn(folder)));
    const lexicon = await lexiconOfFolder.get(folder)!;
    if (lexicon instanceof LexiconError) {
      plan.skipped.push({ article: path, status: 'skipped', reason: lexicon.message });
      continue;
    }
    const { labels } = resolveLabelSet(lookup.project?.file.labels, options.userLabels);
    const labelNames = labels.map((label) => label.name).sort();
    // The project file is the folder's: its relation types go with the folder in the key.
    const relationTypes = resolveRelationTypes(lookup.project?.file.relations);
    const configs = lookup.project?.file.recognisers;
    // Run in the folder of marginalia.json, with the project's labels to map the models' onto.
    const recognisers = configs?.length ? { folder: lookup.project!.folder, configs, labels: labels.map(({ name, kind }) => ({ name, kind })) } : undefined;
    const key = `${folder}\u0000${labelNames.join(',')}\u0000${recognisers ? `${recognisers.folder}\u0000${JSON.stringify(configs)}` : ''}`;
    let profile = profileOfKey.get(key);
    if (profile === undefined) {
      profile = plan.profiles.push({ ...(lexicon && { lexicon }), labels: labelNames, relationTypes, ...(recognisers && { recognisers }) }) - 1;
      profileOfKey.set(key, profile);
    }
    const { reference, problem } = referenceDateOf(lookup.project, resolve(path), options.referenceDate);
    if (problem) plan.warnings.push(`${path}: ${problem}`);
    plan.articles.push({ path, profile, ...(reference && { referenceDate: reference.date }) });
  }
  return plan;
}

/** The lexicon file's contents, undefined when it is absent or empty, or the problem with it. */
async function readLexicon(store: LexiconStore, path: string): Promise<ArticleProfile['lexicon'] | LexiconError> {
  try {
    const lexicon = await store.read(path);
    return lexicon.size === 0 ? undefined : lexicon.toFile();
  } catch (error) {
    if (error instanceof LexiconError) return error;
    throw error;
  }
}
