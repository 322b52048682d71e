import { folderOf, joinPath, pathInside } from '../base/filePaths';
import { compileGlob, type Glob } from './glob';
import { PROJECT_FILE_NAME, parseProjectFile, type ProjectFile, type ProjectFileIssue } from './projectFile';

/** Articles picked when the settings name none: the sample corpus that ships with the project. */
export const DEFAULT_ARTICLE_GLOBS = ['seeds/**/*.txt'];

export interface Project {
  folder: string;
  file: ProjectFile;
}

/** A project file that fails to parse or fails its schema: the message names it; the issues are placed in its text. */
export interface ProjectProblem {
  /** The project file's path. */
  file: string;
  /** The file's text as read: the issues' offsets refer to it. */
  text: string;
  issues: ProjectFileIssue[];
  /** Whether the project goes on with the file's last good version (else with the defaults). */
  keptLastGood: boolean;
}

/** A project file's text; undefined when there is none; `unreadable` (why, for people) for a file that must not be read. */
export type ProjectFileReader = (file: string) => string | { unreadable: string } | undefined;

/**
 * What the nearest project file says about a path: a project, none, or a broken file to report. A
 * broken file whose last good version was read in this session keeps that version in force (its
 * labels and guidelines do not vanish while someone fixes a typo); one never read whole is no
 * project yet: its folder's files are not guessed to be articles.
 */
export type ProjectLookup = { project: Project; problem?: undefined; broken?: undefined } | { project?: Project; problem?: string; broken?: ProjectProblem };

/**
 * Decides which files are articles, by path and settings only (editors other than VS Code send every
 * text file as "plaintext"): a .txt file under a folder holding a marginalia.json and matched by its
 * globs, or a .txt file matched by the settings' globs relative to a workspace folder. Other text
 * files are left alone.
 */
export class ArticleSelector {
  private readonly projectCache = new Map<string, ProjectLookup>();
  /** The last version of each project file that parsed, by folder: kept while a later version is broken. */
  private readonly lastGood = new Map<string, ProjectFile>();
  private readonly articleGlobs: Glob[];

  constructor(
    private readonly workspaceFolders: readonly string[],
    articleGlobs: readonly string[] | undefined,
    /** Reads project files (the shells do: see node/projectFiles.ts). */
    private readonly readProjectFile: ProjectFileReader,
  ) {
    this.articleGlobs = (articleGlobs ?? DEFAULT_ARTICLE_GLOBS).map(compileGlob);
  }

  isArticle(filePath: string): boolean {
    if (!filePath.toLowerCase().endsWith('.txt')) return false;
    const lookup = this.projectOf(filePath);
    if (lookup.project) return matchesProject(lookup.project, filePath);
    return this.workspaceFolders.some((folder) => {
      const relative = pathInside(folder, filePath);
      return relative !== undefined && this.articleGlobs.some((glob) => glob.test(relative));
    });
  }

  /** The project the nearest marginalia.json (walking up, no further than the workspace folder) defines. */
  projectOf(filePath: string): ProjectLookup {
    const stop = this.workspaceFolders.find((folder) => pathInside(folder, filePath) !== undefined);
    let folder = folderOf(filePath);
    const visited: string[] = [];
    let found: ProjectLookup = {};
    for (;;) {
      const cached = this.projectCache.get(folder);
      if (cached) {
        found = cached;
        break;
      }
      visited.push(folder);
      const file = joinPath(folder, PROJECT_FILE_NAME);
      const text = this.readProjectFile(file);
      if (typeof text === 'object') {
        // A FIFO or a device named marginalia.json: reported like a broken project file, never read.
        found = { problem: text.unreadable };
        break;
      }
      if (text !== undefined) {
        const parsed = parseProjectFile(text, file);
        if (parsed.ok) this.lastGood.set(folder, parsed.project);
        const kept = this.lastGood.get(folder);
        found = parsed.ok
          ? { project: { folder, file: parsed.project } }
          : kept
            ? { project: { folder, file: kept }, problem: parsed.message, broken: { file, text, issues: parsed.issues, keptLastGood: true } }
            : { problem: parsed.message, broken: { file, text, issues: parsed.issues, keptLastGood: false } };
        break;
      }
      const parent = folderOf(folder);
      if (folder === stop || parent === folder) break;
      folder = parent;
    }
    for (const seen of visited) this.projectCache.set(seen, found);
    return found;
  }

  /** Forget what is known of project files, after one was created, changed or deleted. */
  forgetProjects(): void {
    this.projectCache.clear();
  }
}

/** The compiled globs of each project file read, compiled once rather than for each file listed. */
const compiledGlobs = new WeakMap<ProjectFile, { articles: Glob[]; exclude: Glob[] }>();

function matchesProject(project: Project, filePath: string): boolean {
  const relative = pathInside(project.folder, filePath);
  if (relative === undefined) return false;
  let globs = compiledGlobs.get(project.file);
  if (!globs) {
    globs = { articles: (project.file.articles ?? ['**/*.txt']).map(compileGlob), exclude: (project.file.exclude ?? []).map(compileGlob) };
    compiledGlobs.set(project.file, globs);
  }
  return globs.articles.some((glob) => glob.test(relative)) && !globs.exclude.some((glob) => glob.test(relative));
}
