import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ServerCommands } from '../api/protocol';
import { COMMAND_TABLE, SERVER_COMMAND_IDS, executeCommand, type CommandContext } from './commandTable';

describe('the command table', () => {
  it('holds exactly the protocol\'s commands, each with a schema: what is advertised is what is dispatched', () => {
    assert.deepEqual([...SERVER_COMMAND_IDS].sort(), Object.values(ServerCommands).sort());
    for (const [id, entry] of Object.entries(COMMAND_TABLE)) assert.equal(typeof entry.schema.safeParse, 'function', id);
  });

  it('refuses an unknown command and bad arguments before any handler runs, naming the command', async () => {
    const context = {} as CommandContext;
    await assert.rejects(executeCommand('marginalia.nope', [], context), /Unknown command marginalia\.nope/);
    await assert.rejects(executeCommand(ServerCommands.tag, [{ uri: 'file:///a.txt', start: -1 }], context), /^Error: marginalia\.tag: bad arguments: /);
  });
});
