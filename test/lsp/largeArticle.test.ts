/** A 50 MB article opens without stalling the server: analysis is bounded, the annotator is told, requests stay quick. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Hover, SemanticTokens } from 'vscode-languageserver-protocol';
import { PROJECT_ROOT } from '../support/projectRoot';
import { startSession, type Session } from '../support/lspClient';

describe('a 50 MB article', () => {
  let session: Session;
  before(async () => {
    session = await startSession();
  });
  after(() => session.close());

  it('gets tokens for its beginning, a note that the rest was not analysed, and quick answers after', { timeout: 120_000 }, async () => {
    const seeds = readdirSync(path.join(PROJECT_ROOT, 'seeds')).filter((file) => file.endsWith('.txt')).map((file) => readFileSync(path.join(PROJECT_ROOT, 'seeds', file), 'utf8')).join('\n');
    const text = seeds.repeat(Math.ceil(50_000_000 / seeds.length));
    writeFileSync(path.join(session.root, 'seeds', 'huge.txt'), text);
    const started = performance.now();
    const article = await session.open('seeds/huge.txt', text);
    const tokens = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: article.uri } })) as SemanticTokens;
    const openedIn = performance.now() - started;
    assert.ok(tokens.data.length > 0);
    const hoverStarted = performance.now();
    await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: article.uri }, position: { line: 3, character: 2 } }) as Hover | null;
    const hoverIn = performance.now() - hoverStarted;
    const diagnostics = await session.diagnostics(article.uri, (list: Diagnostic[]) => list.some((d) => d.code === 'truncated'));
    assert.match(diagnostics.find((d) => d.code === 'truncated')!.message, /only its beginning was analysed/);
    console.log(`50 MB article: opened with full tokens in ${(openedIn / 1000).toFixed(1)} s (transfer included), hover then in ${hoverIn.toFixed(0)} ms`);
    assert.ok(hoverIn < 1000, `hover took ${hoverIn} ms`);
  });
});
