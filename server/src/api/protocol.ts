/**
 * What the language server and the VS Code client agree on: command ids (global in VS Code, so all
 * prefixed), their arguments, and the custom requests the client needs for what LSP cannot show
 * (label colours as decorations, navigation between suggestions). Any other LSP editor needs none of
 * the custom parts: every action is also a code action with a command the server runs itself.
 * Types only: the server validates arguments (lsp/commandArguments.ts), so the client bundles no zod.
 */
import type { ReviewSummary } from '../core/review/corpusSummary';
import type { CorpusReport } from '../core/report/corpusReport';

/** Commands the server executes (workspace/executeCommand); each writes the sidecar, never the article. */
export const ServerCommands = {
  tag: 'marginalia.tag',
  tagAll: 'marginalia.tagAll',
  reject: 'marginalia.reject',
  accept: 'marginalia.accept',
  changeLabel: 'marginalia.changeLabel',
  approve: 'marginalia.approve',
  rejectTag: 'marginalia.rejectTag',
  adjustSpan: 'marginalia.adjustSpan',
  comment: 'marginalia.comment',
  resolveDisagreement: 'marginalia.resolveDisagreement',
  setReviewFilter: 'marginalia.setReviewFilter',
  removeTag: 'marginalia.removeTag',
  resolveConflict: 'marginalia.resolveConflict',
  reattach: 'marginalia.reattach',
  undo: 'marginalia.undo',
  redo: 'marginalia.redo',
  summary: 'marginalia.summary',
  /** Workspace-wide, no arguments: what `marginalia check` does, under cancellable progress. */
  checkCorpus: 'marginalia.checkCorpus',
  /** `{ uri }` (any article of the corpus): what the corpus learnt from its tags, as LearnedRulesResult. */
  learnedRules: 'marginalia.learnedRules',
  /** `{ uri, id }` or `{ uri, ids }`: forgets learnt rules by the ids learnedRules answers. */
  forgetRule: 'marginalia.forgetRule',
  /** `{ uri }`: opens the corpus's lexicon file (window/showDocument), where what was learnt is written one rule a line. */
  openLexicon: 'marginalia.openLexicon',
  /** WorkspaceOccurrencesArguments: the untagged occurrences of a text in the corpus, answered only. */
  occurrencesInWorkspace: 'marginalia.occurrencesInWorkspace',
  /** WorkspaceOccurrencesArguments: the same, also shown as a message (the preview for editors without a picker). */
  showOccurrencesInWorkspace: 'marginalia.showOccurrencesInWorkspace',
  /** TagAllInWorkspaceArguments: tags the occurrences in every article of the corpus, one undo step per article. */
  tagAllInWorkspace: 'marginalia.tagAllInWorkspace',
  /** `{ uri? }` (a folder or an article; default: every workspace folder): `marginalia annotate`, under cancellable progress. */
  annotateFolder: 'marginalia.annotateFolder',
  /** No arguments: the interchange formats, as InterchangeFormatsResult (for a picker). */
  interchangeFormats: 'marginalia.interchangeFormats',
  /** ExportCorpusArguments: `marginalia export`, under cancellable progress. */
  exportCorpus: 'marginalia.exportCorpus',
  /** ImportAnnotationsArguments: `marginalia import`, under progress; open articles show the new tags. */
  importAnnotations: 'marginalia.importAnnotations',
  /** LinkArguments: a typed relation from one tag (or suggestion, accepted first in the same undo step) to another. */
  link: 'marginalia.link',
  /** RelationIdArguments. */
  removeRelation: 'marginalia.removeRelation',
  /** ChangeRelationTypeArguments. */
  changeRelationType: 'marginalia.changeRelationType',
  /** RelationIdArguments: the relation points the other way. */
  reverseRelation: 'marginalia.reverseRelation',
  /** RelationReviewArguments. */
  acceptRelation: 'marginalia.acceptRelation',
  approveRelation: 'marginalia.approveRelation',
  rejectRelation: 'marginalia.rejectRelation',
  /** RelationCommentArguments. */
  commentRelation: 'marginalia.commentRelation',
  /** ResolveDisagreementArguments with relation ids: the kept relations approved, the others rejected. */
  resolveRelationDisagreement: 'marginalia.resolveRelationDisagreement',
  /** ResolveRelationConflictArguments: keeps one branch's version of a relation in conflict state. */
  resolveRelationConflict: 'marginalia.resolveRelationConflict',
  /** LinkTargetsArguments: every tag of the article a relation of an allowed type may link the tag to (for a picker), as LinkTargetsResult. */
  linkTargets: 'marginalia.linkTargets',
} as const;

/** A span of the open document in UTF-16 offsets, with the text it covered when the action was offered. */
interface SpanArguments {
  uri: string;
  start: number;
  end: number;
  text: string;
}

export interface TagArguments extends SpanArguments {
  label: string;
  /** "suggestion" when the annotator took the detector's label, "manual" otherwise. */
  source: 'manual' | 'suggestion';
}

export interface TagAllArguments {
  uri: string;
  text: string;
  label: string;
}

export interface RejectArguments extends SpanArguments {
  label: string;
}

export interface TagIdArguments {
  uri: string;
  tagId: string;
}

/** Removes a tag; one with relations is removed (with them) only once `confirmed`. */
export interface RemoveTagArguments extends TagIdArguments {
  confirmed?: boolean;
}

/** One end of a relation to make: a tag by id, or a suggestion's span (UTF-16) and label, tagged first. */
export type RelationEnd = { tagId: string } | { start: number; end: number; text: string; label: string };

export interface LinkArguments {
  uri: string;
  from: RelationEnd;
  to: RelationEnd;
  /** A relation type of the corpus (marginalia.json "relations"). */
  type: string;
}

export interface RelationIdArguments {
  uri: string;
  relationId: string;
}

export interface ChangeRelationTypeArguments extends RelationIdArguments {
  type: string;
  comment?: string;
}

export interface RelationReviewArguments extends RelationIdArguments {
  comment?: string;
}

export interface RelationCommentArguments extends RelationIdArguments {
  comment: string;
}

export interface LinkTargetsArguments extends TagIdArguments {}

export interface ResolveRelationConflictArguments extends RelationIdArguments {
  side: 'ours' | 'theirs';
}

/** What `marginalia.linkTargets` answers: each link the tag may make, titled as the quick fix would be, with its arguments. */
export interface LinkTargetsResult extends CommandResult {
  targets: Array<{ title: string; arguments: LinkArguments }>;
}

export interface ChangeLabelArguments extends TagIdArguments {
  label: string;
  comment?: string;
}

/** Approve or reject a tag in review, with an optional note for its history. */
export interface ReviewArguments extends TagIdArguments {
  comment?: string;
}

export interface CommentArguments extends TagIdArguments {
  comment: string;
}

/** Moves a tag to the span the reviewer selected (UTF-16 offsets, with the text they covered). */
export interface AdjustSpanArguments extends SpanArguments {
  tagId: string;
  comment?: string;
}

/** Settles annotators' disagreement: the tags kept are approved, the others rejected, as one action. */
export interface ResolveDisagreementArguments {
  uri: string;
  approve: string[];
  reject: string[];
}

/** Workspace-wide: highlight only what still needs review (decided tags hidden), or everything. */
export interface ReviewFilterArguments {
  onlyToReview: boolean;
}

/** Keeps one branch's version of a tag in conflict state (see `marginalia merge-driver`). */
export interface ResolveConflictArguments extends TagIdArguments {
  side: 'ours' | 'theirs';
}

/** Places an orphaned tag on a span the annotator selected (UTF-16 offsets, with the text they covered). */
export interface ReattachArguments extends SpanArguments {
  tagId: string;
}

export interface DocumentArguments {
  uri: string;
}

/** What a tag command answers: what happened, in words, for the client to show if it likes. */
export interface CommandResult {
  message: string;
  /** Epoch milliseconds of the latest tag action on this article, so the client can tell whether Ctrl+Z means a tag or a text edit. */
  lastTagAction?: number;
}

/** What `marginalia.checkCorpus` answers: the summary it also shows, and its figures. */
export interface CorpusCheckResult extends CommandResult {
  /** Articles whose sidecar was checked: fewer than `total` when cancelled. */
  checked: number;
  total: number;
  problems: number;
  cancelled: boolean;
}

/** Pre-annotates the articles below a folder (or one article); without a uri, every workspace folder. */
export interface AnnotateFolderArguments {
  uri?: string;
}

/** What `marginalia.annotateFolder` answers: the summary it also shows, and its figures. */
export interface AnnotateFolderResult extends CommandResult {
  /** Articles pre-annotated (changed or found as they were): fewer than `total` when cancelled or some were skipped. */
  articles: number;
  total: number;
  /** Proposed tags written, and earlier proposals removed because they are no longer found. */
  added: number;
  removed: number;
  /** Articles left untouched: unreadable, binary, or a broken sidecar, project or lexicon file (named in the message). */
  skipped: number;
  cancelled: boolean;
}

/** One thing the corpus learnt from its annotators' tags, in words; `id` forgets it. */
export interface LearnedRuleItem {
  id: string;
  /** "label": the text is suggested with this label; "suppression": this label is not suggested on the text in that context. */
  type: 'label' | 'suppression';
  text: string;
  label: string;
  description: string;
}

export interface LearnedRulesResult extends CommandResult {
  rules: LearnedRuleItem[];
  /** The lexicon file's uri, whether or not it exists yet. */
  file: string;
}

/** Forgets one rule (`id`) or several (`ids`) of the corpus of the article `uri`. */
export interface ForgetRuleArguments {
  uri: string;
  id?: string;
  ids?: string[];
}

export interface ForgetRuleResult extends CommandResult {
  /** Rules forgotten; fewer than asked when some were already gone. */
  forgotten: number;
}

/** A text and label of the article `uri`, to find or tag wherever the text stands untagged in its corpus. */
export interface WorkspaceOccurrencesArguments {
  uri: string;
  text: string;
  label: string;
}

/** The occurrences preview, a page at a time: `limit` articles (default: all) from the `offset`th (default 0) of those holding the text. */
export interface WorkspaceOccurrencesPage extends WorkspaceOccurrencesArguments {
  offset?: number;
  limit?: number;
}

/** A place of an article where a text stands untagged: UTF-16 offsets in the article as the server has it (open ones as edited). */
export interface OccurrenceRef {
  uri: string;
  start: number;
  end: number;
  /** The text found there: a headline's "UMEROV" for "Umerov" (the lexicon's case rules). */
  text: string;
}

export interface WorkspaceOccurrence extends OccurrenceRef {
  /** The article's path from its corpus folder, '/'-separated. */
  article: string;
  /** 0-based, as LSP counts. */
  line: number;
  /** The line around the occurrence, white space collapsed, cut with "…". */
  excerpt: string;
}

export interface WorkspaceOccurrencesResult extends CommandResult {
  /** Those of the page asked for (every one without `limit`). */
  occurrences: WorkspaceOccurrence[];
  /** Articles that may hold the text, all pages together: page through them with `offset`. */
  articles: number;
}

/** Tags `occurrences` (as found by occurrencesInWorkspace), or all current ones when absent; each is checked again first. */
export interface TagAllInWorkspaceArguments extends WorkspaceOccurrencesArguments {
  occurrences?: OccurrenceRef[];
}

export interface TagAllInWorkspaceResult extends CommandResult {
  tagged: number;
  articles: number;
  /** Occurrences not tagged, each with why: its text is no longer there, it is tagged meanwhile, or its sidecar is broken. */
  skipped: Array<OccurrenceRef & { reason: string }>;
}

/** Request: the highlights of an article with their label colours, for decorations and navigation. */
export const ArticleViewRequest = 'marginalia/articleView';

export interface ArticleViewItem {
  /** UTF-16 offsets in the document version named by the view. */
  start: number;
  end: number;
  label: string;
  /** conflict: two branches changed the tag differently (see `marginalia merge-driver`). */
  state: 'suggested' | 'tagged' | 'approved' | 'proposed' | 'rejected' | 'conflict';
  /** The tag's id; absent for a suggestion, which is not in the sidecar yet. */
  tagId?: string;
}

export interface ArticleView {
  uri: string;
  version: number;
  labels: Array<{ name: string; kind: string; color: string }>;
  items: ArticleViewItem[];
  lastTagAction?: number;
  /** The review filter is on: decided tags (approved, rejected) are left out of `items`. */
  onlyToReview: boolean;
}

/** Notification from the server: an article's tags or suggestions changed; ask for its view again. */
export const ArticleChangedNotification = 'marginalia/articleChanged';
export interface ArticleChanged {
  uri: string;
}

/**
 * Request: the workspace's articles with their tags counted by review state, for a corpus view.
 * Read from the sidecars and articles on disk (open articles as they are in the editor); the
 * detector is not run, so untagged suggestions are not counted.
 */
export const CorpusRequest = 'marginalia/corpus';
export interface CorpusParams {
  /** Only these articles, without listing the workspace (after a CorpusChanged naming them). */
  uris?: string[];
  /**
   * A page of one folder's children instead of every article: '' for the top, else a CorpusFolder's
   * `folder`. Answers a CorpusPage; `offset` (default 0) and `limit` (default: all) page through them.
   */
  folder?: string;
  offset?: number;
  limit?: number;
}

/** A folder among a CorpusPage's children: the tags of every article below it counted. */
export interface CorpusFolder extends ReviewSummary {
  kind: 'folder';
  /** What to ask for its children with: '/'-separated from the top. */
  folder: string;
  /** How it is shown under its parent; folders holding nothing but one folder are passed through ("seeds/000"). */
  label: string;
  /** Articles below it, at any depth. */
  articles: number;
}

/**
 * The answer to a CorpusParams with `folder`: its children `offset` onwards, subfolders first (by
 * name) then its own articles (by name), and the counts of everything below it. `version` changes
 * whenever the corpus index does: a page of another version than the one before may have shifted
 * (articles came or went), so a client pages from the start again.
 */
export interface CorpusPage extends ReviewSummary {
  folder: string;
  /** Articles below the folder, at any depth. */
  articles: number;
  /** Its children in all (folders and articles); `total` is its tags'. False `found`: the folder holds no article (any more). */
  totalChildren: number;
  found: boolean;
  offset: number;
  children: Array<CorpusFolder | (CorpusArticle & { kind: 'article' })>;
  version: number;
}

export interface CorpusArticle extends ReviewSummary {
  uri: string;
  /** '/'-separated path from its workspace folder (prefixed by the folder's name when there are several). */
  name: string;
  /** Why its sidecar could not be read; its tags are then unknown and counted as none. */
  problem?: string;
}

export interface CorpusSummary extends ReviewSummary {
  /** Sorted by path: every article of the workspace (the server's corpus index lists them, without walking the disk). */
  articles: CorpusArticle[];
  /** Always 0: there is no listing limit any more (kept for clients that show it). */
  omitted: number;
}

/**
 * Notification from the server, sent a moment after the last of a burst of changes: tags or
 * articles changed. `uris` names the articles whose counts changed; absent, articles may have come
 * or gone too, so the whole corpus is to be listed again.
 */
export const CorpusChangedNotification = 'marginalia/corpusChanged';
export interface CorpusChanged {
  uris?: string[];
}

/**
 * Request: the corpus report of the workspace (`marginalia report` on each workspace folder):
 * tags per label by review state, review progress, and the agreement of two annotators. Answers a
 * CorpusReport (core/report/corpusReport.ts), the object `marginalia report --format json` prints.
 */
export const CorpusReportRequest = 'marginalia/corpusReport';
export interface CorpusReportParams {
  /** The two annotators to compare; by default the only two with accepted tags. */
  annotators?: [string, string];
  /** The page of articles (most in need of review first) to answer: from `offset` (default 0), at most `limit` (default 200). */
  offset?: number;
  limit?: number;
  /** Instead of answering, writes the whole report to this file (a file: URI) as `marginalia report --format FORMAT` prints it. */
  exportTo?: { uri: string; format: 'json' | 'csv' };
}

/**
 * The answer to CorpusReportParams: the report's figures for the whole corpus, with one page of its
 * articles' progress (`progress.articles`: most tags awaiting review first, then by name) and no
 * per-article agreement (`agreement.documents` is empty: the export and the CLI carry them).
 */
export type CorpusReportPage = CorpusReport & {
  page: {
    offset: number;
    limit: number;
    /** Articles reported on in all: those not in the page are `articles - progress.articles.length`. */
    articles: number;
    /** Articles whose agreement was measured. */
    compared: number;
  };
};

/** The answer to CorpusReportParams with `exportTo`: where the report was written. */
export interface CorpusReportExported {
  written: string;
}

/** What `marginalia.interchangeFormats` answers: each format's CLI name, title, and whether it exports to a folder. */
export interface InterchangeFormatsResult extends CommandResult {
  formats: Array<{ name: string; title: string; unit: string; folder: boolean; carriesText: boolean }>;
}

/** `marginalia.exportCorpus`: as `marginalia export`; URIs are file: URIs. */
export interface ExportCorpusArguments {
  format: string;
  /** The output file, or folder for brat. */
  out: string;
  /** The corpus folder; default: the first workspace folder. */
  corpus?: string;
  /** Default: accepted and approved. */
  statuses?: string[];
  annotator?: string;
  /** CoNLL only. */
  scheme?: 'iob1' | 'iob2' | 'bioes';
}

export interface ExportCorpusResult extends CommandResult {
  documents: number;
  tags: number;
  /** What was left out or could not be said, one line each ("a.txt: PERSON … not exported: orphaned"). */
  notices: string[];
}

/** `marginalia.importAnnotations`: as `marginalia import`. */
export interface ImportAnnotationsArguments {
  format: string;
  /** The file (or brat folder) to import. */
  input: string;
  /** The corpus folder the articles and tags go into; default: the first workspace folder. */
  into?: string;
  as?: 'proposed' | 'accepted';
  annotator?: string;
}

export interface ImportAnnotationsResult extends CommandResult {
  tagsAdded: number;
  articlesCreated: number;
  /** Input problems (nothing imported) or what was skipped, one line each with file and line. */
  problems: string[];
}
