/**
 * The counts at the top of an article ("Marginalia: 1 tagged · 7 suggested") follow what changes them
 * without the editor asking on its own: a tag action, and a recogniser's answer arriving after the
 * detector's. The server tells the editor with workspace/codeLens/refresh; before, VS Code kept
 * showing the old counts until the text changed.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CodeAction, CodeLens } from 'vscode-languageserver-protocol';
import { startSession, type OpenArticle, type Session } from '../support/lspClient';
import { PROJECT_ROOT } from '../support/projectRoot';

const TINY = path.join(PROJECT_ROOT, 'test', 'fixtures', 'recognisers', 'tiny_ner.py');
const ARTICLE = 'date 2024-03-02\n\nMaria Okafor scored twice as Denver beat Portland 5-3 on Saturday.\n"We fought," said Whitfield, whose nordvik boots split.\n';

async function headline(session: Session, article: OpenArticle): Promise<string> {
  const [lens] = (await session.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: article.uri } })) as CodeLens[];
  return lens?.command?.title ?? '';
}

/** Resolves once the headline matches, asking again at each refresh the server sends; fails if none comes in time. */
async function headlineBecomes(session: Session, article: OpenArticle, expected: RegExp): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const refreshed = session.codeLensRefresh();
    const now = await headline(session, article);
    if (expected.test(now)) return now;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`the code lens still says "${now}", not ${expected}: no refresh came`);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([refreshed, new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error(`no code lens refresh; it says "${now}", not ${expected}`)), left)))]);
    clearTimeout(timer);
  }
}

describe('the counts at the top of an article', () => {
  const sessions: Session[] = [];
  const folders: string[] = [];
  after(async () => {
    for (const session of sessions) await session.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('are refreshed after a tag action and when a recogniser\'s answer arrives', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'marginalia-codelens-'));
    folders.push(root);
    mkdirSync(path.join(root, 'news'));
    writeFileSync(path.join(root, 'news', 'marginalia.json'), JSON.stringify({ recognisers: [{ name: 'tiny', command: ['python3', TINY], labels: { PER: 'PERSON', MISC: 'PRODUCT' } }] }));
    writeFileSync(path.join(root, 'news', 'a.txt'), ARTICLE);
    const session = await startSession({ annotator: 'olena' }, { root });
    sessions.push(session);
    const article = await session.open('news/a.txt');
    // The detector's seven, then the model's "nordvik" (its "Okafor", "Whitfield" and "Denver" fall on the detector's).
    await headlineBecomes(session, article, /^Marginalia: 0 tagged · 8 suggested$/);

    const tag = ((await article.actionsAt('nordvik')) as CodeAction[]).find((action) => action.title === 'Tag as ORG')!;
    const refreshed = session.codeLensRefresh();
    await article.run(tag);
    await refreshed;
    assert.equal(await headline(session, article), 'Marginalia: 1 tagged · 7 suggested');
  });
});
