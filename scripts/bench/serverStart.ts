/** From spawning `marginalia lsp --stdio` to the first full semantic tokens of a seed: what an editor waits for on opening an article. */
import type { SemanticTokens } from 'vscode-languageserver-protocol';
import { startSession } from '../../test/support/lspClient';
import { report } from './figures';
import { median, round } from './statistics';

const SEED = 'seeds/000_d6449e741489756f.txt';

export async function benchServerStart(short: boolean): Promise<void> {
  const runs = short ? 2 : 5;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    // startSession also copies the seeds (about 20 KB) to a fresh folder: well under a millisecond of the figure.
    const start = performance.now();
    const session = await startSession();
    try {
      const article = await session.open(SEED);
      const tokens = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: article.uri } })) as SemanticTokens;
      times.push(performance.now() - start);
      if (tokens.data.length === 0) throw new Error(`no tokens for ${SEED}`);
    } finally {
      await session.close();
    }
  }
  report('server start to first tokens', round(median(times)), 'ms (median)', undefined, { runs });
}
