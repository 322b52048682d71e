/**
 * Any LSP editor, not only VS Code: Debian's Neovim 0.7 opens a seed, lists the code actions at
 * "Zelensky", runs the first one through workspace/executeCommand, and the sidecar holds the tag.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/projectRoot';
import { newTag } from '../../server/src/core/sidecar';
import { SidecarStore } from '../../server/src/node/sidecarStore';

describe('Neovim 0.7 as the editor', () => {
  it('tags "Zelensky" as PERSON with the first code action', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-nvim-'));
    try {
      cpSync(path.join(PROJECT_ROOT, 'seeds'), path.join(folder, 'seeds'), { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
      const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${path.join(__dirname, 'tagZelensky.lua')}`], {
        cwd: folder,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, MARGINALIA_CLI: path.join(PROJECT_ROOT, 'bin', 'marginalia.js') },
      });
      const output = `${run.stdout}${run.stderr}`.replace(/\r/g, '\n');
      assert.match(output, /first action: Tag as PERSON/);
      assert.match(output, /executed: Tagged "Volodymyr Zelensky" as PERSON/);
      const sidecar = JSON.parse(readFileSync(path.join(folder, 'seeds', '000_d6449e741489756f.annotations.json'), 'utf8'));
      assert.deepEqual(sidecar.annotations.map((tag: { label: string; text: string }) => [tag.label, tag.text]), [['PERSON', 'Volodymyr Zelensky']]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('links "Ukraine" to "Flamingo" as PRODUCES through its own code-action path', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-nvim-'));
    try {
      cpSync(path.join(PROJECT_ROOT, 'seeds'), path.join(folder, 'seeds'), { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
      const article = path.join(folder, 'seeds', '000_d6449e741489756f.txt');
      const text = readFileSync(article, 'utf8');
      const tagOn = (needle: string, label: string) => {
        const start = [...text.slice(0, text.indexOf(needle))].length;
        return newTag({ text, start, end: start + [...needle.split(' ')[0]!].length, label, source: 'manual', annotator: 'olena' });
      };
      const [ukraine, flamingo] = [tagOn('Ukraine plans to produce', 'GPE'), tagOn('Flamingo', 'PRODUCT')];
      await new SidecarStore().updateTags(article, () => ({ put: [ukraine, flamingo], remove: [] }));
      const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${path.join(__dirname, 'linkUkraine.lua')}`], {
        cwd: folder,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, MARGINALIA_CLI: path.join(PROJECT_ROOT, 'bin', 'marginalia.js') },
      });
      const output = `${run.stdout}${run.stderr}`.replace(/\r/g, '\n');
      assert.match(output, /chosen action: Link "Ukraine" → "Flamingo" as PRODUCES/);
      assert.match(output, /executed: Linked "Ukraine" → "Flamingo" as PRODUCES/);
      assert.match(output, /inlay hint: →PRODUCES Flamingo/);
      const sidecar = JSON.parse(readFileSync(path.join(folder, 'seeds', '000_d6449e741489756f.annotations.json'), 'utf8'));
      assert.deepEqual(sidecar.relations.map((relation: { type: string; from: string; to: string }) => [relation.type, relation.from, relation.to]), [['PRODUCES', ukraine.id, flamingo.id]]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
