/**
 * Relations between tags through any LSP editor: linked by a titled quick fix, shown as an inlay hint
 * after the source tag, in the hover of either end, in the outline and by "go to definition"; undone,
 * redone and relabelled; a tag removed (after a second, confirming quick fix) takes its relations;
 * an edit between the two ends leaves both ends and the relation in place.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, DocumentSymbol, Hover, InlayHint, Location } from 'vscode-languageserver-protocol';
import { newTag, type Relation, type Tag } from '../../server/src/core/sidecar';
import { SidecarStore } from '../../server/src/node/sidecarStore';
import { startSession, type OpenArticle, type Session } from '../support/lspClient';

const TEXT = 'Ukraine plans to produce almost 800 interceptor drones by the end of this year, Defence Minister Denys Shmyhal said.\n\nPoland is receiving nearly $50 billion under the Safe program.\n';
const tagOn = (needle: string, label: string): Tag => {
  const start = TEXT.indexOf(needle);
  return newTag({ text: TEXT, start, end: start + needle.length, label, source: 'manual', annotator: 'olena' });
};

const titles = (actions: CodeAction[]) => actions.map((action) => action.title);
const find = (actions: CodeAction[], title: string) => {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no action "${title}" among ${JSON.stringify(titles(actions))}`);
  return action;
};

describe('relations between tags in any LSP editor', () => {
  let session: Session;
  let article: OpenArticle;
  const store = new SidecarStore();
  const ukraine = tagOn('Ukraine', 'GPE');
  const drones = tagOn('interceptor drones', 'PRODUCT');
  const relationsOf = async (): Promise<Relation[]> => [...((await store.read(article.path)).sidecar.relations ?? [])];
  const tagsOf = async (): Promise<Tag[]> => [...(await store.read(article.path)).sidecar.annotations];
  const inlayHints = async () => ((await session.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: article.uri }, range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } } })) ?? []) as InlayHint[];
  const hintLabels = async () => (await inlayHints()).map((hint) => `${hint.position.line}:${hint.position.character} ${typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')}`);
  const command = (name: string) => session.connection.sendRequest('workspace/executeCommand', { command: name, arguments: [{ uri: article.uri }] }) as Promise<{ message: string }>;

  before(async () => {
    session = await startSession({ annotator: 'olena' });
    const file = path.join(session.root, 'seeds', 'relations.txt');
    writeFileSync(file, TEXT);
    await store.updateTags(file, () => ({ put: [ukraine, drones], remove: [] }));
    article = await session.open('seeds/relations.txt');
  });
  after(() => session.close());

  it('lists every link a tag may make in the article, for a picker (VS Code\'s "Link to…")', async () => {
    const result = (await session.connection.sendRequest('workspace/executeCommand', { command: 'marginalia.linkTargets', arguments: [{ uri: article.uri, tagId: ukraine.id }] })) as { targets: Array<{ title: string }> };
    const titles = result.targets.map((target) => target.title);
    assert.ok(titles.includes('Link "Ukraine" → "interceptor drones" as PRODUCES'), JSON.stringify(titles));
    assert.ok(titles.some((title) => /"Poland"/.test(title)), 'tags of other paragraphs too');
  });

  it('links two tags with the quick fix titled by its result, and shows it as an inlay hint and in both ends\' hovers', async () => {
    const actions = await article.actionsAt('Ukraine');
    const link = find(actions, 'Link "Ukraine" → "interceptor drones" as PRODUCES');
    assert.ok(!titles(actions).some((title) => /^Link "Ukraine" → .* as QUANTITY_OF$/.test(title)), 'only types whose labels fit are offered');
    const result = await article.run(link);
    assert.equal(result.message, 'Linked "Ukraine" → "interceptor drones" as PRODUCES');
    const [relation] = await relationsOf();
    assert.deepEqual([relation?.type, relation?.from, relation?.to, relation?.annotator], ['PRODUCES', ukraine.id, drones.id, 'olena']);
    assert.deepEqual(await hintLabels(), ['0:7 →PRODUCES interceptor drones']);
    for (const end of ['Ukraine', 'interceptor drones']) {
      const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: article.uri }, position: article.positionOf(end) })) as Hover;
      const value = (hover.contents as { value: string }).value;
      assert.match(value, /\*Relations:\*\n- "Ukraine" → "interceptor drones" as \*\*PRODUCES\*\* · by olena/, value);
    }
  });

  it('the outline lists the relation under its source tag; go to definition on a tag jumps to the other end', async () => {
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: article.uri } })) as DocumentSymbol[];
    const gpe = symbols.find((symbol) => symbol.name === 'GPE')!.children!.find((symbol) => symbol.name === 'Ukraine')!;
    assert.deepEqual(gpe.children?.map((child) => child.name), ['→PRODUCES interceptor drones']);
    const definition = (await session.connection.sendRequest('textDocument/definition', { textDocument: { uri: article.uri }, position: article.positionOf('Ukraine') })) as Location[];
    assert.deepEqual(definition.map((location) => location.range.start), [article.positionOf('interceptor drones')]);
  });

  it('undo removes the relation, redo brings it back', async () => {
    assert.match((await command('marginalia.undo')).message, /^Undid: Linked "Ukraine" → "interceptor drones" as PRODUCES$/);
    assert.deepEqual(await relationsOf(), []);
    assert.deepEqual(await hintLabels(), []);
    await command('marginalia.redo');
    assert.equal((await relationsOf()).length, 1);
  });

  it('relabels a relation to another type the labels allow, recorded in its history', async () => {
    const actions = await article.actionsAt('Ukraine');
    assert.ok(!titles(actions).includes('Change relation "Ukraine" → "interceptor drones" from PRODUCES to QUANTITY_OF'));
    await article.run(find(actions, 'Change relation "Ukraine" → "interceptor drones" from PRODUCES to RECEIVES'));
    const [relation] = await relationsOf();
    assert.deepEqual([relation?.type, relation?.history?.at(-1)?.action], ['RECEIVES', 'relabelled']);
    assert.deepEqual(await hintLabels(), ['0:7 →RECEIVES interceptor drones']);
  });

  it('links a suggestion to a tag: the suggestion is accepted first, in the same undo step', async () => {
    const actions = await article.actionsAt('interceptor drones');
    const link = find(actions, 'Link "almost 800" → "interceptor drones" as QUANTITY_OF');
    await article.run(link);
    const count = (await tagsOf()).find((tag) => tag.text === 'almost 800');
    assert.equal(count?.label, 'CARDINAL');
    assert.ok((await relationsOf()).some((relation) => relation.type === 'QUANTITY_OF' && relation.from === count?.id && relation.to === drones.id));
    await command('marginalia.undo');
    assert.equal((await tagsOf()).some((tag) => tag.text === 'almost 800'), false, 'one undo takes the accepted suggestion back too');
    assert.equal((await relationsOf()).length, 1);
  });

  it('an edit between the two ends leaves both ends and the relation in place, saved with their new offsets', async () => {
    const at = article.positionOf('plans');
    const text = TEXT.replace('plans', 'now plans');
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: article.uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: 'now ' }] });
    assert.deepEqual(await hintLabels(), ['0:7 →RECEIVES interceptor drones']);
    writeFileSync(article.path, text);
    await session.connection.sendNotification('textDocument/didSave', { textDocument: { uri: article.uri } });
    // Polls the file until the save's write lands (as test/lsp/editing.test.ts does): no event tells it.
    const moved = async () => (await tagsOf()).find((tag) => tag.id === drones.id)?.start;
    const deadline = Date.now() + 10_000;
    while ((await moved()) !== drones.start + 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await moved(), drones.start + 4);
    const [relation] = await relationsOf();
    assert.deepEqual([relation?.from, relation?.to], [ukraine.id, drones.id]);
  });

  it('removing the source tag asks first; the confirming quick fix removes the tag and its relation', async () => {
    const first = await article.run(find(await article.actionsAt('Ukraine'), 'Remove tag GPE on "Ukraine"'));
    assert.match(first.message, /^"Ukraine" has 1 relation \("Ukraine" → "interceptor drones" as RECEIVES\): not removed\. To remove the tag and its relation, choose "Confirm: remove tag GPE on "Ukraine" and its relation" \(Ctrl\+\.\)$/);
    assert.equal((await tagsOf()).some((tag) => tag.id === ukraine.id), true, 'nothing removed yet');
    const confirmed = await article.run(find(await article.actionsAt('Ukraine'), 'Confirm: remove tag GPE on "Ukraine" and its relation'));
    assert.equal(confirmed.message, 'Removed the GPE tag on "Ukraine" and its relation');
    assert.equal((await tagsOf()).some((tag) => tag.id === ukraine.id), false);
    assert.deepEqual(await relationsOf(), []);
    await command('marginalia.undo');
    assert.equal((await relationsOf()).length, 1, 'one undo brings back the tag and its relation');
  });

  it('an editor that can ask (window/showMessageRequest) gets the question as a dialog; choosing to remove removes the tag and its relation at once', async () => {
    const asked: string[] = [];
    session.connection.onRequest('window/showMessageRequest', (params: { message: string; actions?: Array<{ title: string }> }) => {
      asked.push(params.message);
      return params.actions?.[0] ?? null;
    });
    const result = await article.run(find(await article.actionsAt('interceptor drones'), 'Remove tag PRODUCT on "interceptor drones"'));
    assert.match(asked[0] ?? '', /^"interceptor drones" has 1 relation \("Ukraine" → "interceptor drones" as RECEIVES\): not removed/);
    assert.equal(result.message, 'Removed the PRODUCT tag on "interceptor drones" and its relation');
    assert.deepEqual(await relationsOf(), []);
  });

  it('a relation whose end is orphaned (its text rewritten) is kept and shown as orphaned, never dropped', async () => {
    await command('marginalia.undo');
    assert.equal((await relationsOf()).length, 1);
    const text = readFileSync(article.path, 'utf8');
    const at = article.positionOf('interceptor');
    // Positions in the text as saved by the earlier test ("now plans"): one line, so only the column moves.
    const start = { line: at.line, character: text.indexOf('interceptor drones') };
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: article.uri, version: 3 }, contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 'interceptor drones'.length } }, text: 'loitering munitions' }] });
    assert.deepEqual(await hintLabels(), [`0:7 →RECEIVES interceptor drones (orphaned)`]);
    writeFileSync(article.path, text.replace('interceptor drones', 'loitering munitions'));
    await session.connection.sendNotification('textDocument/didSave', { textDocument: { uri: article.uri } });
    const marked = async () => (await tagsOf()).find((tag) => tag.id === drones.id)?.anchor;
    const deadline = Date.now() + 10_000;
    while ((await marked()) !== 'orphaned' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await marked(), 'orphaned');
    assert.deepEqual((await relationsOf()).map((relation) => [relation.from, relation.to]), [[ukraine.id, drones.id]]);
  });
});
