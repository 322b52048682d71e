import { join } from 'node:path';
import { ArticleSelector, type ProjectFileReader } from '../core/project/articleSelector';
import { resolveLabelSet, type LabelDefinition } from '../core/project/labelSet';
import { resolveRelationTypes, type RelationType } from '../core/project/relationTypes';
import { readRegularFileSync, UnreadableFileError } from './regularFile';

/** A project file is a few labels and globs; far past this, it is not one. */
export const MAX_PROJECT_FILE_BYTES = 1024 * 1024;

/** Reads a marginalia.json from disk: its text, nothing when absent, or why it is refused (a FIFO, a device, a huge file). */
export const readProjectFileIfPresent: ProjectFileReader = (file) => {
  try {
    return readRegularFileSync(file, MAX_PROJECT_FILE_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof UnreadableFileError) return { unreadable: error.message };
    return undefined;
  }
};

/** Which files are articles, with project files read from disk. */
export function articleSelectorFor(workspaceFolders: readonly string[], articleGlobs?: readonly string[]): ArticleSelector {
  return new ArticleSelector(workspaceFolders, articleGlobs, readProjectFileIfPresent);
}

/** The label set of the corpus in `folder`: OntoNotes' and its marginalia.json's (the nearest one up). */
export function corpusLabels(folder: string): LabelDefinition[] {
  const project = articleSelectorFor([]).projectOf(join(folder, 'any.txt')).project;
  return resolveLabelSet(project?.file.labels).labels;
}

/**
 * The relation types of the corpus holding a path: its marginalia.json's "relations" (the nearest one
 * up), else the built-in set. One lookup per run: its selector keeps the project files it read.
 */
export function relationTypesLookup(): (path: string) => RelationType[] {
  const selector = articleSelectorFor([]);
  return (path) => resolveRelationTypes(selector.projectOf(path).project?.file.relations);
}

/** The relation types without direction in the corpora of these articles, whose ends agreement matches either way round. */
export function symmetricTypesOf(articles: readonly string[]): Set<string> {
  const gathered = symmetricTypesGathered();
  for (const article of articles) gathered.add(article);
  return gathered.types;
}

/**
 * symmetricTypesOf for articles read one at a time (a streaming command): `types` grows as each
 * article's corpus is added, so an article's own are known before it is measured.
 */
export function symmetricTypesGathered(): { types: Set<string>; add(article: string): void } {
  const typesOf = relationTypesLookup();
  const types = new Set<string>();
  return { types, add: (article) => typesOf(article).forEach((type) => type.symmetric && types.add(type.name)) };
}
