/** Export and import from any LSP editor: the server's commands run `marginalia export` and `import` (issue 16). */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSidecar, startSession, type Session } from '../support/lspClient';
import { newTag, serializeSidecar, SIDECAR_VERSION } from '../../server/src/core/sidecar';

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

  it('names in its summary the relations a format cannot say, and carries them through brat into another folder', async () => {
    const corpus = path.join(session.root, 'related');
    mkdirSync(corpus);
    const text = 'Ukraine plans to produce interceptor drones.\n';
    const at = (needle: string) => text.indexOf(needle);
    const ukraine = { ...newTag({ text, start: at('Ukraine'), end: at('Ukraine') + 7, label: 'GPE', source: 'manual', annotator: 'ann' }), id: 't-ukraine' };
    const drones = { ...newTag({ text, start: at('interceptor'), end: at('interceptor') + 18, label: 'PRODUCT', source: 'manual', annotator: 'ann' }), id: 't-drones' };
    const relations = [{ id: 'r-1', type: 'PRODUCES', from: 't-ukraine', to: 't-drones', status: 'accepted' as const, source: 'manual' as const, annotator: 'ann', created: ukraine.created, modified: ukraine.created }];
    writeFileSync(path.join(corpus, 'drones.txt'), text);
    writeFileSync(path.join(corpus, 'drones.annotations.json'), serializeSidecar({ version: SIDECAR_VERSION, article: 'drones.txt', annotations: [ukraine, drones], relations }));
    const conll = await run<{ notices: string[] }>('marginalia.exportCorpus', { format: 'conll', out: pathToFileURL(path.join(session.root, 'exports', 'related.conll')).href, corpus: pathToFileURL(corpus).href });
    assert.match(conll.message, /1 left out or not carried: drones\.txt: 1 relation not exported: CoNLL has no place for relations: PRODUCES "Ukraine" → "interceptor drones" \(r-1\)/);
    const folder = path.join(session.root, 'exports', 'related-brat');
    const brat = await run<{ notices: string[] }>('marginalia.exportCorpus', { format: 'brat', out: pathToFileURL(folder).href, corpus: pathToFileURL(corpus).href });
    assert.match(readFileSync(path.join(folder, 'drones.ann'), 'utf8'), /^R1\tPRODUCES Arg1:T1 Arg2:T2$/m, brat.message);
    const into = path.join(session.root, 'related-imported');
    const imported = await run('marginalia.importAnnotations', { format: 'brat', input: pathToFileURL(folder).href, into: pathToFileURL(into).href });
    assert.match(imported.message, /^Imported 2 tags and 1 relation as proposed into 1 article/);
    const sidecar = JSON.parse(readFileSync(path.join(into, 'drones.annotations.json'), 'utf8')) as { annotations: Array<{ id: string; text: string }>; relations: Array<{ type: string; from: string; to: string }> };
    const textOf = new Map(sidecar.annotations.map((tag) => [tag.id, tag.text]));
    assert.deepEqual(sidecar.relations.map((relation) => [relation.type, textOf.get(relation.from), textOf.get(relation.to)]), [['PRODUCES', 'Ukraine', 'interceptor drones']]);
  });
});
