/** Full semantic tokens of a 1 MB article through the LSP protocol, each request after an edit so none is answered from a cache. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SemanticTokens } from 'vscode-languageserver-protocol';
import { startSession } from '../../test/support/lspClient';
import { report } from './figures';
import { corpusOf } from './seeds';
import { median, p95, round } from './statistics';

export async function benchFullTokens(short: boolean): Promise<void> {
  const session = await startSession();
  try {
    const text = corpusOf(1_000_000);
    writeFileSync(path.join(session.root, 'seeds', 'big.txt'), text);
    const article = await session.open('seeds/big.txt', text);
    const requestTokens = async () => {
      const tokens = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: article.uri } })) as SemanticTokens;
      if (tokens.data.length === 0) throw new Error('no tokens on the 1 MB article');
    };
    // The first answer waits for the article's first analysis on open, which is not what this figure is about.
    await requestTokens();
    const times: number[] = [];
    const requests = short ? 3 : 15;
    for (let version = 2; version < requests + 2; version++) {
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: article.uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
      });
      const start = performance.now();
      await requestTokens();
      times.push(performance.now() - start);
    }
    report('full semantic tokens, 1 MB article', round(median(times)), 'ms (median)', { comparison: '<=', limit: 100 }, { p95: round(p95(times)), requests });
  } finally {
    await session.close();
  }
}
