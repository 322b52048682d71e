/**
 * Typing in a 100 KB article: one character inserted, then the semantic tokens delta against the
 * previous result, as VS Code asks after each keystroke. Timed from the edit to the answer.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver-protocol';
import { startSession } from '../../test/support/lspClient';
import { report } from './figures';
import { SeededRandom } from '../../server/src/core/base/seededRandom';
import { corpusOf } from './seeds';
import { p95, median, round } from './statistics';

/** Keystrokes before timing starts: the first ones compile the server's hot paths. */
const WARM_UP_EDITS = 10;

export async function benchEditTokens(short: boolean): Promise<void> {
  const session = await startSession();
  try {
    const text = corpusOf(100_000);
    writeFileSync(path.join(session.root, 'seeds', 'typing.txt'), text);
    const article = await session.open('seeds/typing.txt', text);
    const textDocument = { uri: article.uri };
    const first = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument })) as SemanticTokens;
    let previousResultId = first.resultId!;
    const lines = text.split('\n');
    const random = new SeededRandom(100);
    const edits = short ? 20 : 300;
    const times: number[] = [];
    let fullAnswers = 0;
    for (let version = 2; version < WARM_UP_EDITS + edits + 2; version++) {
      const line = random.integer(0, lines.length - 1);
      const character = random.integer(0, lines[line].length);
      lines[line] = lines[line].slice(0, character) + 'e' + lines[line].slice(character);
      const start = performance.now();
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: article.uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'e' }],
      });
      const answer = (await session.connection.sendRequest('textDocument/semanticTokens/full/delta', { textDocument, previousResultId })) as SemanticTokens | SemanticTokensDelta;
      if (version - 2 >= WARM_UP_EDITS) times.push(performance.now() - start);
      if ('data' in answer) fullAnswers++;
      previousResultId = answer.resultId!;
    }
    report('edit → semantic tokens delta, 100 KB article', round(p95(times)), 'ms (p95)', { comparison: '<=', limit: 10 }, {
      p50: round(median(times)),
      edits,
      // A full answer to a delta request means the server lost track of the previous result.
      fullAnswers,
    });
  } finally {
    await session.close();
  }
}
