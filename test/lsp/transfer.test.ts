/** Export and import from any LSP editor: the server's commands run `marginalia export` and `import` (issue 16). */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSidecar, startSession, type Session } from '../support/lspClient';

describe('export and import through the language server', () => {
  let session: Session;
  before(async () => {
    session = await startSession();
  });
  after(() => session.close());

  const run = <T>(command: string, args?: unknown) => session.connection.sendRequest('workspace/executeCommand', { command, arguments: args === undefined ? [] : [args] }) as Promise<T & { message: string; failed?: boolean }>;

  it('lists the formats, exports the tags made in the editor, and imports them into another folder as proposals', async () => {
    const formats = await run<{ formats: Array<{ name: string; folder: boolean }> }>('marginalia.interchangeFormats');
    assert.deepEqual(formats.formats.map((format) => format.name), ['conll', 'brat', 'jsonl', 'doccano', 'labelstudio', 'webannotation']);
    const article = await session.open('seeds/002_41c27c843f947f33.txt');
    const tagAs = async (needle: string, title: string) => article.run((await article.actionsAt(needle)).find((action) => action.title === title)!);
    await tagAs('Keir Starmer', 'Tag as PERSON');
    const out = path.join(session.root, 'exports', 'seeds.jsonl');
    const exported = await run<{ documents: number; tags: number; notices: string[] }>('marginalia.exportCorpus', { format: 'jsonl', out: pathToFileURL(out).href, corpus: pathToFileURL(path.join(session.root, 'seeds')).href });
    assert.equal(exported.failed, undefined, exported.message);
    assert.equal(exported.tags, 1);
    assert.equal(exported.documents, 5);
    assert.match(exported.message, /^Exported 1 tag of 5 articles as spaCy \/ Prodigy JSONL/);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(lines.flatMap((line) => line.spans.map((span: { text: string }) => span.text)), ['Keir Starmer']);

    const into = path.join(session.root, 'imported');
    const imported = await run<{ tagsAdded: number; articlesCreated: number }>('marginalia.importAnnotations', { format: 'jsonl', input: pathToFileURL(out).href, into: pathToFileURL(into).href });
    assert.equal(imported.tagsAdded, 1, imported.message);
    assert.equal(imported.articlesCreated, 5);
    const article3 = readdirSync(into).filter((name) => name.endsWith('.annotations.json'));
    assert.equal(article3.length, 1);
    const tag = readSidecar(path.join(into, article3[0]!.replace('.annotations.json', '.txt')))!.annotations[0]!;
    assert.deepEqual([tag.text, tag.label, tag.status, tag.source], ['Keir Starmer', 'PERSON', 'proposed', 'import']);
  });

  it('refuses bad input with its file and line, writing nothing, and says so as an error', async () => {
    const bad = path.join(session.root, 'bad.jsonl');
    writeFileSync(bad, '{"text": "Kyiv", "spans": [{"start": 0, "end": 9, "label": "GPE"}]}\n');
    const into = path.join(session.root, 'refused');
    const result = await run('marginalia.importAnnotations', { format: 'jsonl', input: pathToFileURL(bad).href, into: pathToFileURL(into).href });
    assert.equal(result.failed, true);
    assert.match(result.message, /Nothing imported: 1 problem in .*bad\.jsonl: .*bad\.jsonl:1: /);
    assert.equal(existsSync(into), false);
    assert.ok(session.messages.some((message) => message.includes('Nothing imported')));
  });
});
