/**
 * "Tag as …" on a 1 MB article whose sidecar already holds 10,000 tags: the code action is requested
 * at an untagged suggestion and executed over LSP; executeCommand answers once the sidecar is written.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { detectSpans, type KindedSpan } from '../../server/src/core/detect';
import { CodePointIndex } from '../../server/src/core/base/offsets';
import { CONTEXT_LENGTH, newTag, type Tag } from '../../server/src/core/sidecar';
import { SidecarStore } from '../../server/src/node/sidecarStore';
import { startSession } from '../../test/support/lspClient';
import { report } from './figures';
import { LinePositions } from './lspPosition';
import { corpusOf } from './seeds';
import { median, p95, round } from './statistics';

const TAGS_IN_SIDECAR = 10_000;
/** UTF-16 units around a tag that surely hold CONTEXT_LENGTH code points of context. */
const WINDOW_MARGIN = 2 * CONTEXT_LENGTH;

export async function benchQuickFix(short: boolean): Promise<void> {
  const session = await startSession();
  try {
    const text = corpusOf(1_000_000);
    const articlePath = path.join(session.root, 'seeds', 'tagged.txt');
    writeFileSync(articlePath, text);
    const actionCount = short ? 3 : 20;
    const { tagged, untagged } = splitSuggestions(detectSpans(text), TAGS_IN_SIDECAR, actionCount + 1);
    const index = new CodePointIndex(text);
    await new SidecarStore().update(articlePath, (sidecar) => ({ ...sidecar, annotations: tagged.map((span) => tagOn(text, index, span)) }));

    const article = await session.open('seeds/tagged.txt', text);
    const positions = new LinePositions(text);
    const tagAt = async (span: KindedSpan) => {
      const range = { start: positions.at(span.start), end: positions.at(span.end) };
      const actions = (await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: article.uri }, range, context: { diagnostics: [] } })) as CodeAction[];
      const tagAction = actions.find((action) => action.title.startsWith('Tag as '));
      if (!tagAction) throw new Error(`no "Tag as …" at ${JSON.stringify(range)}; offered: ${actions.map((action) => action.title).join(', ')}`);
      const start = performance.now();
      const result = await article.run(tagAction);
      const elapsed = performance.now() - start;
      if (result.failed) throw new Error(`"${tagAction.title}" failed: ${result.message}`);
      return elapsed;
    };
    // The first action waits for the article's tags to be placed on open, which is not what this figure is about.
    await tagAt(untagged[0]);
    const times: number[] = [];
    for (const span of untagged.slice(1)) times.push(await tagAt(span));

    const { sidecar } = await new SidecarStore().read(articlePath);
    if (sidecar.annotations.length !== TAGS_IN_SIDECAR + untagged.length) {
      throw new Error(`the sidecar holds ${sidecar.annotations.length} tags, expected ${TAGS_IN_SIDECAR + untagged.length}`);
    }
    report('quick fix → sidecar written, 10k tags', round(median(times)), 'ms (median)', { comparison: '<=', limit: 50 }, { p95: round(p95(times)), actions: actionCount });
  } finally {
    await session.close();
  }
}

/** `tagCount` suggestions spread over the article to tag beforehand, and `pickCount` of the others, spread too, to tag by quick fix. */
function splitSuggestions(spans: KindedSpan[], tagCount: number, pickCount: number): { tagged: KindedSpan[]; untagged: KindedSpan[] } {
  if (spans.length < tagCount + pickCount) throw new Error(`the article has ${spans.length} suggestions, fewer than the ${tagCount + pickCount} needed`);
  const taggedIndexes = new Set(Array.from({ length: tagCount }, (_, i) => Math.floor((i * spans.length) / tagCount)));
  const rest = spans.filter((_, i) => !taggedIndexes.has(i));
  return {
    tagged: spans.filter((_, i) => taggedIndexes.has(i)),
    untagged: Array.from({ length: pickCount }, (_, i) => rest[Math.floor((i * rest.length) / pickCount)]),
  };
}

/**
 * An accepted tag on `span` (UTF-16 offsets). newTag indexes all the text it is given, so it gets a
 * window around the span, not the whole megabyte ten thousand times; offsets are then made absolute.
 */
export function tagOn(text: string, index: CodePointIndex, span: KindedSpan): Tag {
  let from = Math.max(0, span.start - WINDOW_MARGIN);
  // Never start the window on the second half of a surrogate pair.
  if (from > 0 && /[\udc00-\udfff]/.test(text[from])) from--;
  const to = Math.min(text.length, span.end + WINDOW_MARGIN);
  const base = index.toCodePoint(from);
  const tag = newTag({
    text: text.slice(from, to),
    start: index.toCodePoint(span.start) - base,
    end: index.toCodePoint(span.end) - base,
    label: span.label,
    kind: span.kind,
    source: 'suggestion',
    annotator: 'bench',
    ...(span.value && { value: span.value }),
  });
  return { ...tag, start: tag.start + base, end: tag.end + base };
}
