/**
 * What VS Code reads from package.json before any of our code runs: every semantic token type and
 * modifier the server sends is declared there, or themes leave it uncoloured.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEMANTIC_TOKENS_LEGEND } from '../server/src/lsp/semanticTokens';
import { PROJECT_ROOT } from './support/projectRoot';

const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    semanticTokenTypes: Array<{ id: string; superType: string }>;
    semanticTokenModifiers: Array<{ id: string }>;
    semanticTokenScopes: Array<{ scopes: Record<string, string[]> }>;
  };
};

describe('the extension manifest', () => {
  it('declares every token type the server sends, with a super type and a TextMate scope', () => {
    const { semanticTokenTypes, semanticTokenScopes } = manifest.contributes;
    for (const type of SEMANTIC_TOKENS_LEGEND.tokenTypes) {
      assert.ok(semanticTokenTypes.find((declared) => declared.id === type)?.superType, `${type} has a super type`);
      assert.ok(semanticTokenScopes.some(({ scopes }) => scopes[type]?.length), `${type} has a scope`);
    }
  });

  it('declares every token modifier the server sends', () => {
    assert.deepEqual(manifest.contributes.semanticTokenModifiers.map((modifier) => modifier.id), SEMANTIC_TOKENS_LEGEND.tokenModifiers);
  });
});
