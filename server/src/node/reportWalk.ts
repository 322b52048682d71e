import { resolve } from 'node:path';
import type { ProgressReporter } from '../core/base/progress';
import type { LabelSettings } from '../core/project/projectFile';
import type { DocumentAgreement } from '../core/agreement';
import { CorpusReportBuilder, type CorpusReport, type ReportOptions, type UnreadableFile } from '../core/report/corpusReport';
import { labelColorsFor } from '../core/report/labelColors';
import { agreementCsv, articleProgressCsv, relationCsv, reportJson, writeReportCsv } from '../core/report/reportCsv';
import { JsonArraySpool } from './jsonArraySpool';
import { articleSelectorFor, symmetricTypesGathered } from './projectFiles';
import { eachCorpusFile } from './sidecarCorpus';
import { TextSpool } from './textSpool';

export interface ReportWalk {
  /** Folders (or one sidecar) to report on; each article is named from its root, after the root's `prefix` ('' or "folder/"). */
  roots: Array<{ path: string; prefix: string }>;
  /** The two annotators to compare; by default, the only two with accepted tags. */
  annotators?: [string, string];
  /** The editor's label settings, for the label colours. */
  labels?: Record<string, LabelSettings>;
  onArticleProgress?: ReportOptions['onArticleProgress'];
  /** Hears each compared article's agreement figures, and the two annotators compared. */
  onAgreementDocument?: (document: DocumentAgreement, annotators: [string, string]) => void;
  progress?: ProgressReporter;
}

/**
 * The corpus report, read one article at a time, twice (counts first, then agreement once the
 * annotators to compare are known): the one walk `marginalia report` and the editor's report and
 * export share. Articles' rows go to the callbacks given (then the report leaves them out), else
 * stay in the report. Files that cannot be read are in `unreadable`; a root that cannot be walked throws.
 */
export async function walkReport(walk: ReportWalk): Promise<{ result: CorpusReport; unreadable: UnreadableFile[] }> {
  const unreadable: UnreadableFile[] = [];
  // Relation types without direction, from every article's project file: known after the first reading, used in the second.
  const symmetric = symmetricTypesGathered();
  const builder = new CorpusReportBuilder({ annotators: walk.annotators, colorOf: (label) => colorOf(label), unreadable, symmetricTypes: symmetric.types, onArticleProgress: walk.onArticleProgress, onAgreementDocument: walk.onAgreementDocument && ((document) => walk.onAgreementDocument!(document, builder.annotatorsToCompare() as [string, string])) });
  const selector = articleSelectorFor(walk.roots.map((root) => resolve(root.path)));
  // One article of each project, in the order met: the label colours are those of the first project using each label.
  const projects = new Map<string | undefined, string>();
  const passes = walk.roots.length * 2;
  const part = (pass: number): ProgressReporter | undefined => walk.progress && { report: (done, total, message) => walk.progress!.report(pass * total + done, passes * total, message) };
  for (const [index, root] of walk.roots.entries()) {
    await eachCorpusFile(root.path, (item) => {
      if ('unreadable' in item) return void unreadable.push(item.unreadable);
      const path = resolve(item.document.path);
      const folder = selector.projectOf(path).project?.folder;
      if (!projects.has(folder)) projects.set(folder, path);
      symmetric.add(path);
      builder.add({ ...item.document, name: root.prefix + item.document.name });
    }, part(index));
  }
  if (Array.isArray(builder.annotatorsToCompare())) {
    const known = new Set(unreadable.map(({ file }) => file));
    for (const [index, root] of walk.roots.entries()) {
      await eachCorpusFile(root.path, (item) => {
        if ('document' in item) return builder.compare({ ...item.document, name: root.prefix + item.document.name });
        // Read well the first time, not now (changed meanwhile): named, never left out silently.
        if (!known.has(item.unreadable.file)) unreadable.push({ file: item.unreadable.file, problem: `left out of agreement, unreadable on the second reading: ${item.unreadable.problem}` });
      }, part(walk.roots.length + index));
    }
  }
  const colorOf = labelColorsFor([...projects.values()], (path) => selector.projectOf(path), walk.labels);
  return { result: builder.result(), unreadable };
}

/**
 * The report as `marginalia report --format FORMAT` prints it, to `out`, in memory bounded whatever
 * the corpus holds: each article's rows (CSV) or agreement figures (JSON) are spooled to temporary
 * files as they are read, and printed in their place. `print` may look at the report first and
 * answer false to print nothing. Answers the report without those rows.
 */
export async function writeReport(walk: Omit<ReportWalk, 'onArticleProgress' | 'onAgreementDocument'>, format: 'json' | 'csv', out: (chunk: string) => void, print?: (walked: { result: CorpusReport; unreadable: UnreadableFile[] }) => boolean): Promise<{ result: CorpusReport; unreadable: UnreadableFile[] }> {
  const spool = format === 'json' ? new JsonArraySpool(2) : undefined;
  const csv = format === 'csv' ? { progress: new TextSpool(), agreement: new TextSpool(), relations: new TextSpool() } : undefined;
  try {
    const walked = await walkReport({
      ...walk,
      ...(spool && { onAgreementDocument: (document) => spool.add(document) }),
      ...(csv && {
        onArticleProgress: (article) => csv.progress.add(articleProgressCsv(article.name, article)),
        onAgreementDocument: (document, pair) => {
          csv.agreement.add(agreementCsv(pair, document.name, document));
          csv.relations.add(relationCsv(pair, document.name, document));
        },
      }),
    });
    if (print && !print(walked)) return walked;
    const { result } = walked;
    if (csv) writeReportCsv(result, out, { progress: (to) => csv.progress.print(to), agreement: (to) => csv.agreement.print(to), relations: (to) => csv.relations.print(to) });
    else if (spool && result.agreement.measured) spool.print(reportJson({ ...result, agreement: { ...result.agreement, documents: spool.placeholder as never } }), out);
    else out(reportJson(result));
    return walked;
  } finally {
    spool?.discard();
    for (const each of Object.values(csv ?? {})) each.discard();
  }
}
