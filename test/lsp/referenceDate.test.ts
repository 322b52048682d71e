/**
 * The reference date of undated articles in any LSP editor: marginalia.json's "referenceDate" read
 * from the article's path resolves "on Tuesday"; the hover says what the value is relative to (the
 * path, the article's own date, or none); a path naming a day that does not exist is a diagnostic on
 * the article, a bad rule one on marginalia.json; editing the rule re-resolves the open article.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { startSession, type OpenArticle, type Session } from '../support/lspClient';

const UNDATED = 'GENEVA - Talks collapsed, officials said on Tuesday. In March 2023 they had agreed.\n';
const DATED = 'date 2019-01-16\nTalks collapsed, officials said on Tuesday.\n';

async function hoverText(session: Session, article: OpenArticle, needle: string): Promise<string> {
  const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: article.uri }, position: article.positionOf(needle) })) as Hover | null;
  return hover ? (hover.contents as { value: string }).value : '';
}

describe('the reference date in the editor', () => {
  const folders: string[] = [];
  const sessions: Session[] = [];
  after(async () => {
    for (const session of sessions) await session.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  const start = async (project: object, articles: Record<string, string>) => {
    const root = mkdtempSync(path.join(tmpdir(), 'marginalia-refdate-lsp-'));
    folders.push(root);
    writeFileSync(path.join(root, 'marginalia.json'), JSON.stringify(project, null, 2));
    for (const [name, text] of Object.entries(articles)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    const session = await startSession({ annotator: 'olena' }, { root });
    sessions.push(session);
    return session;
  };

  it('resolves "on Tuesday" in an undated article against the date in its path, and says so in the hover', async () => {
    const session = await start({ referenceDate: { fromPath: '(?<year>\\d{4})/(?<month>\\d{2})/(?<day>\\d{2})/' } }, { 'wire/2024/03/06/talks.txt': UNDATED, 'wire/2024/03/06/dated.txt': DATED, 'drafts/talks.txt': UNDATED });
    const undated = await session.open('wire/2024/03/06/talks.txt');
    const hover = await hoverText(session, undated, 'Tuesday');
    assert.match(hover, /\*\*DATE\*\*/);
    assert.match(hover, /Value: `2024-03-05` \(relative to 2024-03-06, taken from the path\)/);
    // An absolute date needs no reference: its hover does not claim one.
    assert.match(await hoverText(session, undated, 'March 2023'), /Value: `2023-03`\n/);
    assert.doesNotMatch(await hoverText(session, undated, 'March 2023'), /relative to/);

    const dated = await session.open('wire/2024/03/06/dated.txt');
    assert.match(await hoverText(session, dated, 'Tuesday'), /Value: `2019-01-15` \(relative to 2019-01-16, stated in the article\)/);

    const draft = await session.open('drafts/talks.txt');
    assert.match(await hoverText(session, draft, 'Tuesday'), /Value: none \(no reference date: value left relative\)/);
  });

  it('shows a path that names no real day on the article, and a bad rule on marginalia.json; a fixed rule re-resolves the open article', async () => {
    const session = await start({ referenceDate: { fromPath: '(\\d{4})-(\\d{2})-(\\d{2})' } }, { '2024-02-30-talks.txt': UNDATED });
    const article = await session.open('2024-02-30-talks.txt');
    const [problem] = await session.diagnostics(article.uri, (list: Diagnostic[]) => list.some((diagnostic) => diagnostic.code === 'reference-date'));
    const shown = (await session.diagnostics(article.uri)).find((diagnostic) => diagnostic.code === 'reference-date')!;
    assert.ok(problem);
    assert.equal(shown.message, 'referenceDate.fromPath in marginalia.json reads 2024-02-30 from the path 2024-02-30-talks.txt, which is not a real day: relative dates are left without a value');
    assert.match(await hoverText(session, article, 'Tuesday'), /Value: none \(no reference date: value left relative; the path gives 2024-02-30, not a real day\)/);

    const projectPath = path.join(session.root, 'marginalia.json');
    const projectUri = pathToFileURL(projectPath).href;
    const changed = () => session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: projectUri, type: 2 }] });
    const broken = JSON.stringify({ referenceDate: { fromPath: '(\\d{4}-(\\d{2})' } }, null, 2);
    writeFileSync(projectPath, broken);
    await changed();
    const [bad] = await session.diagnostics(projectUri, (list: Diagnostic[]) => list.length > 0);
    assert.match(bad!.message, /^referenceDate\.fromPath: not a regular expression/);
    const line = broken.split('\n')[bad!.range.start.line]!;
    assert.equal(line.slice(bad!.range.start.character, bad!.range.end.character), JSON.stringify('(\\d{4}-(\\d{2})'));

    writeFileSync(projectPath, JSON.stringify({ referenceDate: '2024-03-06' }));
    await changed();
    await session.diagnostics(projectUri, (list: Diagnostic[]) => list.length === 0);
    await session.diagnostics(article.uri, (list: Diagnostic[]) => !list.some((diagnostic) => diagnostic.code === 'reference-date'));
    assert.match(await hoverText(session, article, 'Tuesday'), /Value: `2024-03-05` \(relative to 2024-03-06, the corpus's referenceDate \(marginalia\.json\)\)/);
  });
});
