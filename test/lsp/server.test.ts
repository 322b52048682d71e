/** The language server as an annotator meets it through any LSP editor: real protocol, real files. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, CodeLens, DocumentSymbol, Hover, SemanticTokens } from 'vscode-languageserver-protocol';
import { decodeTokens, readSidecar, startSession, type OpenArticle, type Session } from '../support/lspClient';

const ARTICLE = 'seeds/000_d6449e741489756f.txt';

describe('language server', () => {
  let session: Session;
  let article: OpenArticle;
  const tokens = async (target = article) => {
    const result = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: target.uri } })) as SemanticTokens;
    return decodeTokens(target.text, result.data, session.init.capabilities.semanticTokensProvider!.legend);
  };
  const titles = (actions: CodeAction[]) => actions.map((action) => action.title);
  const find = (actions: CodeAction[], title: string) => {
    const action = actions.find((candidate) => candidate.title === title);
    assert.ok(action, `no action "${title}" among ${JSON.stringify(titles(actions))}`);
    return action;
  };
  const tagsOnDisk = () => readSidecar(article.path)?.annotations ?? [];

  before(async () => {
    session = await startSession();
    article = await session.open(ARTICLE);
  });
  after(() => session.close());

  it('highlights an entity, a number and a date as suggestions of their kind', async () => {
    const found = await tokens();
    const of = (text: string) => found.find((token) => token.text.includes(text));
    assert.deepEqual([of('Volodymyr Zelensky')?.type, of('Volodymyr Zelensky')?.modifiers], ['marginaliaEntity', ['suggested']]);
    assert.equal(of('800')?.text, 'almost 800', 'a modifier belongs to the number, as in OntoNotes');
    assert.equal(of('800')?.type, 'marginaliaNumber');
    assert.equal(of('November 4')?.type, 'marginaliaDate');
  });

  it('lists untagged suggestions as hints, never as problems', async () => {
    const diagnostics = await session.diagnostics(article.uri, (list) => list.length > 0);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.severity === 4), 'all hints');
    assert.ok(diagnostics.some((diagnostic) => diagnostic.message === 'Suggested PERSON (not tagged yet)'));
  });

  it('offers "Tag as PERSON" first on "Zelensky", then the other entity labels, tag all and reject', async () => {
    const actions = await article.actionsAt('Zelensky', 3);
    assert.equal(actions[0].title, 'Tag as PERSON');
    assert.equal(actions[0].isPreferred, true);
    assert.ok(titles(actions).includes('Tag as ORG'));
    assert.ok(titles(actions).includes('Accept suggestion PERSON on "Volodymyr Zelensky"'));
    assert.ok(titles(actions).includes('Reject suggestion PERSON on "Volodymyr Zelensky"'));
    assert.ok(actions.every((action) => action.command && !action.edit), 'commands, never text edits of the article');
  });

  it('writes the PERSON tag to the sidecar beside the article when the quick fix runs', async () => {
    const result = await article.run((await article.actionsAt('Zelensky', 3))[0]);
    assert.equal(result.message, 'Tagged "Volodymyr Zelensky" as PERSON');
    const [tag] = tagsOnDisk();
    assert.equal(tag.label, 'PERSON');
    assert.equal(tag.text, 'Volodymyr Zelensky');
    assert.equal(tag.annotator, 'olena');
    assert.equal(tag.source, 'suggestion');
    assert.equal([...article.text].slice(tag.start as number, tag.end as number).join(''), 'Volodymyr Zelensky');
    assert.equal(readFileSync(article.path, 'utf8'), article.text, 'the article itself is untouched');
  });

  it('then shows it as tagged, not suggested', async () => {
    const token = (await tokens()).find((candidate) => candidate.text === 'Volodymyr Zelensky');
    assert.deepEqual(token?.modifiers, ['tagged']);
  });

  it('hovers the tag with its label, who tagged it and when', async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: article.uri }, position: article.positionOf('Zelensky') })) as Hover;
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /\*\*PERSON\*\* · entity · tagged/);
    assert.match(text, /Tagged by olena on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });

  it('hovers a date suggestion with its ISO value (no year: this article states no date of its own)', async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: article.uri }, position: article.positionOf('November 4') })) as Hover;
    assert.match((hover.contents as { value: string }).value, /Value: `--11-04`/);
  });

  it('undoes and redoes a tag action', async () => {
    await session.connection.sendRequest('workspace/executeCommand', { command: 'marginalia.undo', arguments: [{ uri: article.uri }] });
    assert.deepEqual(tagsOnDisk(), []);
    const redo = (await session.connection.sendRequest('workspace/executeCommand', { command: 'marginalia.redo', arguments: [{ uri: article.uri }] })) as { message: string };
    assert.equal(redo.message, 'Redid: Tagged "Volodymyr Zelensky" as PERSON');
    assert.equal(tagsOnDisk().length, 1);
  });

  it('changes the label of a tag, and removes it', async () => {
    await article.run(find(await article.actionsAt('Zelensky', 3), 'Change label to NORP'));
    assert.equal(tagsOnDisk()[0].label, 'NORP');
    await article.run(find(await article.actionsAt('Zelensky', 3), 'Remove tag NORP on "Volodymyr Zelensky"'));
    assert.deepEqual(tagsOnDisk(), []);
  });

  it('rejects a suggestion, keeps the rejection so it is not suggested again, and can accept it after all', async () => {
    await article.run(find(await article.actionsAt('Odesa'), 'Reject suggestion GPE on "Odesa"'));
    const rejected = tagsOnDisk().find((tag) => tag.text === 'Odesa');
    assert.equal(rejected?.status, 'rejected');
    assert.deepEqual((await tokens()).find((token) => token.text === 'Odesa')?.modifiers, ['rejected']);
    await article.run(find(await article.actionsAt('Odesa'), 'Accept GPE on "Odesa" after all'));
    assert.equal(tagsOnDisk().find((tag) => tag.text === 'Odesa')?.status, 'accepted');
  });

  it('tags all occurrences of a name in the document at once', async () => {
    const count = article.text.split('Poland').length - 1;
    assert.ok(count > 1);
    await article.run(find(await article.actionsAt('Poland'), `Tag all ${count} occurrences of "Poland" in this document as GPE`));
    assert.equal(tagsOnDisk().filter((tag) => tag.text === 'Poland' && tag.label === 'GPE').length, count);
  });

  it('tags a selection nested inside another tag, and a tag across a line break, and shows both', async () => {
    await article.run(find(await article.actionsAt('Defense Ministry'), 'Tag as ORG'));
    await article.run(find(await article.actionsAt('Ukraine’s Defense Ministry'), 'Tag "Ukraine’s Defense Ministry" as ORG'));
    const crossing = 'personnel\n\n\nUkraine';
    const start = article.text.indexOf('military personnel\n') + 'military '.length;
    const selection = article.text.slice(start, start + crossing.length);
    assert.equal(selection, crossing);
    const from = article.positionOf('personnel\n\n\nUkraine');
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: article.uri },
      range: { start: from, end: { line: from.line + 3, character: 'Ukraine'.length } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    await article.run(find(actions, 'Tag "personnel Ukraine" as EVENT'));
    const found = await tokens();
    assert.ok(found.some((token) => token.text === 'Defense Ministry' && token.modifiers.includes('tagged')));
    assert.ok(found.some((token) => token.text === 'Ukraine’s ' && token.modifiers.includes('tagged')));
    assert.ok(found.some((token) => token.text === 'personnel' && token.modifiers.includes('tagged')), 'first line of the crossing tag');
    assert.ok(found.every((token) => !token.text.includes('\n')));
    const crossingTag = tagsOnDisk().find((tag) => tag.label === 'EVENT');
    assert.equal(crossingTag?.text, crossing);
  });

  it('outlines the tags by label and counts them in a code lens', async () => {
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: article.uri } })) as DocumentSymbol[];
    const gpe = symbols.find((symbol) => symbol.name === 'GPE');
    assert.ok(gpe && gpe.children!.some((child) => child.name === 'Poland'));
    const [lens] = (await session.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: article.uri } })) as CodeLens[];
    assert.match(lens.command!.title, /^Marginalia: \d+ tagged · \d+ suggested/);
  });

  it('leaves text files that are not articles alone', async () => {
    mkdirSync(path.join(session.root, 'notes'), { recursive: true });
    writeFileSync(path.join(session.root, 'notes', 'todo.txt'), 'Call Volodymyr Zelensky on Monday.');
    const notes = await session.open('notes/todo.txt');
    assert.deepEqual(await tokens(notes), []);
    assert.deepEqual(await notes.actionsAt('Zelensky'), []);
  });

  it('treats every .txt file under a folder with marginalia.json as an article, with the project labels and guidelines', async () => {
    const corpus = path.join(session.root, 'corpus');
    mkdirSync(corpus, { recursive: true });
    writeFileSync(path.join(corpus, 'marginalia.json'), JSON.stringify({ labels: { WEAPON: { kind: 'entity', color: '#aa0000', guideline: 'Named weapon systems, not generic ones.' } } }));
    writeFileSync(path.join(corpus, 'a.txt'), 'Ukraine will use Flamingo missiles, President Volodymyr Zelensky said.');
    const project = await session.open('corpus/a.txt');
    assert.ok((await tokens(project)).length > 0);
    await project.run(find(await project.actionsAt('Flamingo'), 'Tag as WEAPON'));
    const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: project.uri }, position: project.positionOf('Flamingo') })) as Hover;
    assert.match((hover.contents as { value: string }).value, /Guideline:\* Named weapon systems/);
  });

  it('refuses a binary file politely instead of highlighting noise', async () => {
    const binary = await session.open('seeds/photo.txt', 'PNG\u0000\u0000\u0000IHDR\u0000\u0001 Poland Zelensky');
    assert.deepEqual(await tokens(binary), []);
    assert.ok(session.messages.some((message) => message.includes('photo.txt looks like a binary file')));
  });

  it('picks up tags written to the sidecar by another program', async () => {
    const other = await session.open('seeds/002_41c27c843f947f33.txt');
    const { SidecarStore } = await import('../../server/src/node/sidecarStore');
    const { newTag } = await import('../../server/src/core/sidecar');
    const start = [...other.text].join('').indexOf('Keir Starmer');
    await new SidecarStore().update(other.path, (sidecar) => {
      sidecar.annotations.push(newTag({ text: other.text, start: [...other.text.slice(0, start)].length, end: [...other.text.slice(0, start)].length + 12, label: 'PERSON', source: 'manual', annotator: 'cli' }));
    });
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: other.uri.replace(/\.txt$/, '.annotations.json'), type: 2 }] });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const token = (await tokens(other)).find((candidate) => candidate.text === 'Keir Starmer');
      if (token?.modifiers.includes('tagged')) break;
      assert.ok(Date.now() < deadline, 'the server did not reload the sidecar');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('never overwrites a broken sidecar, and says which file is wrong', async () => {
    const broken = path.join(session.root, 'seeds', '001_2a083d8a6e258254.annotations.json');
    writeFileSync(broken, '{"version": 1, "annotations": [ {"start": "x"');
    const other = await session.open('seeds/001_2a083d8a6e258254.txt');
    const warnings = await session.diagnostics(other.uri, (list) => list.some((d) => d.code === 'sidecar-invalid'));
    assert.match(warnings.find((d) => d.code === 'sidecar-invalid')!.message, /001_2a083d8a6e258254\.annotations\.json: not valid JSON/);
    const result = await other.run((await other.actionsAt('Stockholm'))[0]);
    assert.equal(result.failed, true);
    assert.equal(readFileSync(broken, 'utf8'), '{"version": 1, "annotations": [ {"start": "x"');
    assert.ok(session.messages.some((message) => message.includes('001_2a083d8a6e258254.annotations.json')));
  });

  it('answers a stale quick fix with a clear message instead of tagging the wrong text', async () => {
    const actions = await article.actionsAt('Matthew Whitaker');
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: article.uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Breaking: ' }],
    });
    const result = await article.run(actions[0]);
    assert.equal(result.failed, true);
    assert.match(result.message, /The article changed/);
    assert.ok(existsSync(article.path.replace(/\.txt$/, '.annotations.json')));
  });
});
