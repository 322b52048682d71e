/**
 * What the language server and the VS Code client agree on: command ids (global in VS Code, so all
 * prefixed), their arguments, and the custom requests the client needs for what LSP cannot show
 * (label colours as decorations, navigation between suggestions). Any other LSP editor needs none of
 * the custom parts: every action is also a code action with a command the server runs itself.
 */
import { z } from 'zod';

/** Commands the server executes (workspace/executeCommand); each writes the sidecar, never the article. */
export const ServerCommands = {
  tag: 'marginalia.tag',
  tagAll: 'marginalia.tagAll',
  reject: 'marginalia.reject',
  accept: 'marginalia.accept',
  changeLabel: 'marginalia.changeLabel',
  removeTag: 'marginalia.removeTag',
  undo: 'marginalia.undo',
  redo: 'marginalia.redo',
  summary: 'marginalia.summary',
} as const;

/** A span of the open document in UTF-16 offsets, with the text it covered when the action was offered. */
const SpanArguments = z.strictObject({
  uri: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
});

export const TagArguments = SpanArguments.extend({
  label: z.string().min(1),
  /** "suggestion" when the annotator took the detector's label, "manual" otherwise. */
  source: z.enum(['manual', 'suggestion']),
});
export type TagArguments = z.infer<typeof TagArguments>;

export const TagAllArguments = z.strictObject({ uri: z.string().min(1), text: z.string().min(1), label: z.string().min(1) });
export type TagAllArguments = z.infer<typeof TagAllArguments>;

export const RejectArguments = SpanArguments.extend({ label: z.string().min(1) });
export type RejectArguments = z.infer<typeof RejectArguments>;

export const TagIdArguments = z.strictObject({ uri: z.string().min(1), tagId: z.string().min(1) });
export type TagIdArguments = z.infer<typeof TagIdArguments>;

export const ChangeLabelArguments = TagIdArguments.extend({ label: z.string().min(1) });
export type ChangeLabelArguments = z.infer<typeof ChangeLabelArguments>;

export const DocumentArguments = z.strictObject({ uri: z.string().min(1) });
export type DocumentArguments = z.infer<typeof DocumentArguments>;

/** What a tag command answers: what happened, in words, for the client to show if it likes. */
export interface CommandResult {
  message: string;
  /** Epoch milliseconds of the latest tag action on this article, so the client can tell whether Ctrl+Z means a tag or a text edit. */
  lastTagAction?: number;
}

/** Request: the highlights of an article with their label colours, for decorations and navigation. */
export const ArticleViewRequest = 'marginalia/articleView';

export interface ArticleViewItem {
  /** UTF-16 offsets in the document version named by the view. */
  start: number;
  end: number;
  label: string;
  state: 'suggested' | 'tagged' | 'proposed' | 'rejected' | 'orphaned';
}

export interface ArticleView {
  uri: string;
  version: number;
  labels: Array<{ name: string; kind: string; color: string }>;
  items: ArticleViewItem[];
  lastTagAction?: number;
}

/** Notification from the server: an article's tags or suggestions changed; ask for its view again. */
export const ArticleChangedNotification = 'marginalia/articleChanged';
export interface ArticleChanged {
  uri: string;
}
