/**
 * Learning from the annotators through any LSP editor: a tag teaches the corpus's lexicon, which
 * suggests the same text in other articles with the tag's source in the hover; a rejection rules a
 * suggestion out in its context across the corpus; learnt rules are listed and forgotten; undo
 * unlearns; "Tag all … in the workspace" previews and tags every untagged occurrence in the corpus.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { ArticleViewRequest, ServerCommands, type ArticleView, type LearnedRulesResult, type TagAllInWorkspaceResult, type WorkspaceOccurrencesResult } from '../../server/src/api/protocol';
import { newTag, type Tag } from '../../server/src/core/sidecar';
import { SidecarStore } from '../../server/src/node/sidecarStore';
import { LexiconStore } from '../../server/src/node/lexiconStore';
import { readSidecar, startSession, type OpenArticle, type Session } from '../support/lspClient';

const SEED_002 = 'seeds/002_41c27c843f947f33.txt';
const SEED_004 = 'seeds/004_20007e029abd094d.txt';

const titles = (actions: CodeAction[]) => actions.map((action) => action.title);
const find = (actions: CodeAction[], title: string | RegExp) => {
  const action = actions.find((candidate) => (typeof title === 'string' ? candidate.title === title : title.test(candidate.title)));
  assert.ok(action, `no action ${title} among ${JSON.stringify(titles(actions))}`);
  return action;
};
const hoverText = async (session: Session, article: OpenArticle, needle: string, occurrence = 0) => {
  const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: article.uri }, position: article.positionOf(needle, occurrence) })) as Hover | null;
  return hover ? (hover.contents as { value: string }).value : '';
};
const view = (session: Session, article: OpenArticle) => session.connection.sendRequest(ArticleViewRequest, { uri: article.uri }) as Promise<ArticleView>;
/** The suggestion's label at the nth occurrence of `needle`, if something is suggested exactly there. */
const suggestedAt = async (session: Session, article: OpenArticle, needle: string, occurrence = 0) => {
  let offset = -1;
  for (let n = 0; n <= occurrence; n++) offset = article.text.indexOf(needle, offset + 1);
  const items = (await view(session, article)).items.filter((item) => item.state === 'suggested' && item.start === offset && item.end === offset + needle.length);
  return items.map((item) => item.label);
};
const command = <T>(session: Session, name: string, args: object) => session.connection.sendRequest('workspace/executeCommand', { command: name, arguments: [args] }) as Promise<T>;
/** Adds an article to the session's corpus before anything is opened. */
const writeArticle = (session: Session, name: string, text: string) => writeFileSync(path.join(session.root, 'seeds', name), text);
const lexiconPath = (session: Session) => path.join(session.root, 'seeds', 'marginalia.lexicon.json');
/**
 * The lexicon file with everything learnt so far: the server appends each lesson to the lexicon's
 * journal and folds it into the file on a quiet moment; this folds it at once, from another process as
 * a second window would (under the file's lock), then reads the file.
 */
const lexiconText = async (session: Session) => {
  await new LexiconStore({ quietMs: 0 }).compact(lexiconPath(session));
  return readFileSync(lexiconPath(session), 'utf8');
};
/**
 * Tells the server the lexicon file changed, as a file watcher would, and resolves once `check` holds:
 * it is tried again after each redraw of the article the server reports.
 */
const lexiconChanged = async (session: Session, article: OpenArticle, check: () => Promise<boolean>) => {
  const redrawn: Array<() => void> = [];
  session.connection.onNotification('marginalia/articleChanged', ({ uri }: { uri: string }) => uri === article.uri && redrawn.splice(0).forEach((wake) => wake()));
  await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(lexiconPath(session)).href, type: 2 }] });
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the server did not show the changed lexicon');
    await new Promise<void>((wake) => {
      redrawn.push(wake);
      setTimeout(wake, 1000).unref();
    });
  }
};

describe('learning from the tags people make', () => {
  let session: Session;
  before(async () => {
    session = await startSession({ annotator: 'ann' });
    writeArticle(session, 'learn_a.txt', 'Pilots said the Mriya flew again.\n');
    writeArticle(session, 'learn_b.txt', 'Crowds saw the Mriya flew low. Fans of the Mriya cheered.\n');
    writeArticle(session, 'learn_c.txt', 'Later the Mriya flew home. A model of the Mriya sold well.\n');
    writeArticle(session, 'learn_d.txt', 'The team met Zorvanets today.\n');
    writeArticle(session, 'learn_e.txt', 'Zorvanets won again.\n');
  });
  after(() => session.close());

  it('suggests "Umerov" as PERSON in another article once tagged in one, and the hover says why', async () => {
    const seed002 = await session.open(SEED_002);
    const tagged = await seed002.run(find(await seed002.actionsAt('Umerov'), 'Tag "Umerov" as PERSON'));
    assert.equal(tagged.message, 'Tagged "Umerov" as PERSON');
    const lexicon = await lexiconText(session);
    assert.match(lexicon, /\{"text":"Umerov","label":"PERSON","kind":"entity","count":1,"by":"ann","article":"002_41c27c843f947f33.txt","at":"[^"]+"\}/);

    const seed004 = await session.open(SEED_004);
    // The seventh "Umerov" of 004: "Neither Umerov nor Spruds".
    assert.deepEqual(await suggestedAt(session, seed004, 'Umerov', 6), ['PERSON']);
    const hover = await hoverText(session, seed004, 'Umerov nor');
    assert.match(hover, /because ann tagged "Umerov" PERSON in 002_41c27c843f947f33\.txt/);
    // A longer name the detector found around it stays the detector's.
    assert.doesNotMatch(await hoverText(session, seed004, 'Rustem Umerov'), /because/);
    const actions = await seed004.actionsAt('Umerov nor', 6);
    assert.equal(actions[0]!.title, 'Tag as PERSON', 'a learnt suggestion is tagged like a detected one');
  });

  it('suggests learnt text the detector does not know, and a rejection rules it out in the same context only', async () => {
    const a = await session.open('seeds/learn_a.txt');
    // "Tag as PRODUCT" if the detector suggests something there, else the selection's "Tag "Mriya" as PRODUCT".
    await a.run(find(await a.actionsAt('Mriya'), /^Tag (?:"Mriya" )?as PRODUCT$/));
    const b = await session.open('seeds/learn_b.txt');
    assert.deepEqual(await suggestedAt(session, b, 'Mriya', 0), ['PRODUCT']);
    assert.deepEqual(await suggestedAt(session, b, 'Mriya', 1), ['PRODUCT']);

    const rejected = await b.run(find(await b.actionsAt('Mriya'), 'Reject suggestion PRODUCT on "Mriya"'));
    assert.match(rejected.message, /^Rejected the suggestion PRODUCT on "Mriya"/);
    const c = await session.open('seeds/learn_c.txt');
    assert.deepEqual(await suggestedAt(session, c, 'Mriya', 0), [], '"the Mriya flew": the context rejected in another article');
    assert.deepEqual(await suggestedAt(session, c, 'Mriya', 1), ['PRODUCT'], '"the Mriya sold": another context');
  });

  it('lists what it learnt, and forgetting a rejection brings the suggestion back at once', async () => {
    const c = await session.open('seeds/learn_c.txt');
    const listed = await command<LearnedRulesResult>(session, ServerCommands.learnedRules, { uri: c.uri });
    assert.equal(listed.file, pathToFileURL(lexiconPath(session)).href);
    const descriptions = listed.rules.map((rule) => rule.description);
    assert.ok(descriptions.includes('"Umerov" is PERSON: taught by ann in 002_41c27c843f947f33.txt'), JSON.stringify(descriptions));
    const suppression = listed.rules.find((rule) => rule.type === 'suppression' && rule.text === 'Mriya');
    assert.ok(suppression, JSON.stringify(listed.rules));
    assert.equal(suppression.description, '"Mriya" is not PRODUCT in "the Mriya flew": rejected by ann in learn_b.txt');

    const forgotten = await command<{ message: string; forgotten: number }>(session, ServerCommands.forgetRule, { uri: c.uri, id: suppression.id });
    assert.equal(forgotten.forgotten, 1);
    assert.equal(forgotten.message, 'Forgot 1 learned rule');
    assert.deepEqual(await suggestedAt(session, c, 'Mriya', 0), ['PRODUCT']);
    assert.doesNotMatch(await lexiconText(session), /"suppressions": \[\n/, 'the file holds no rejection any more');
    const again = await command<{ message: string; forgotten: number }>(session, ServerCommands.forgetRule, { uri: c.uri, id: suppression.id });
    assert.equal(again.message, 'Forgot 0 learned rules (1 already gone)');
  });

  it('opens the lexicon file from a source action, for editors without a picker', async () => {
    const c = await session.open('seeds/learn_c.txt');
    const shown: string[] = [];
    session.connection.onRequest('window/showDocument', (params: { uri: string }) => {
      shown.push(params.uri);
      return { success: true };
    });
    const actions = (await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: c.uri }, range: { start: c.positionOf('Later'), end: c.positionOf('Later') }, context: { diagnostics: [], only: ['source'] } })) as CodeAction[];
    const open = find(actions, 'Open what Marginalia learnt in this corpus (marginalia.lexicon.json)');
    assert.equal((await c.run(open)).message, `Opened ${lexiconPath(session)}`);
    assert.deepEqual(shown, [pathToFileURL(lexiconPath(session)).href]);
  });

  it('unlearns what an undone tag taught, and learns it again on redo', async () => {
    const d = await session.open('seeds/learn_d.txt');
    await d.run(find(await d.actionsAt('Zorvanets'), /^Tag (?:"Zorvanets" )?as ORG$/));
    const e = await session.open('seeds/learn_e.txt');
    assert.match(await hoverText(session, e, 'Zorvanets'), /because ann tagged "Zorvanets" ORG in learn_d\.txt/);

    const undone = await command<{ message: string }>(session, ServerCommands.undo, { uri: d.uri });
    assert.match(undone.message, /^Undid: Tagged "Zorvanets" as ORG/);
    assert.doesNotMatch(await lexiconText(session), /Zorvanets/);
    assert.doesNotMatch(await hoverText(session, e, 'Zorvanets'), /because/);

    await command(session, ServerCommands.redo, { uri: d.uri });
    assert.match(await lexiconText(session), /"text":"Zorvanets","label":"ORG"/);
    assert.match(await hoverText(session, e, 'Zorvanets'), /because ann tagged "Zorvanets" ORG/);
  });

  it('reads the lexicon again when it changes on disk (a git pull)', async () => {
    const e = await session.open('seeds/learn_e.txt');
    const file = lexiconPath(session);
    writeFileSync(file, (await lexiconText(session)).replace('"text":"Zorvanets","label":"ORG","kind":"entity","count":1,"by":"ann"', '"text":"Zorvanets","label":"ORG","kind":"entity","count":1,"by":"bob"'));
    await lexiconChanged(session, e, async () => /because bob tagged "Zorvanets" ORG/.test(await hoverText(session, e, 'Zorvanets')));
  });
});

describe('tag all occurrences in the workspace', () => {
  let session: Session;
  /** bob's tag on the "Umerov" of line 25 of 004, made before the session reads anything. */
  let bobsTag: Tag;
  before(async () => {
    session = await startSession({ annotator: 'ann' });
    const seed004 = path.join(session.root, SEED_004);
    const text = readFileSync(seed004, 'utf8');
    const at = [...text.slice(0, text.indexOf('thanked Umerov') + 'thanked '.length)].length;
    bobsTag = newTag({ text, start: at, end: at + 'Umerov'.length, label: 'PERSON', source: 'manual', annotator: 'bob' });
    await new SidecarStore().update(seed004, (sidecar) => void sidecar.annotations.push(bobsTag));
  });
  after(() => session.close());

  it('previews every untagged occurrence in the corpus, then tags them in each article’s sidecar', async () => {
    const seed002 = await session.open(SEED_002);
    await seed002.run(find(await seed002.actionsAt('Umerov'), 'Tag "Umerov" as PERSON'));
    const seed004Text = readFileSync(path.join(session.root, SEED_004), 'utf8');
    const expected = [...seed004Text.matchAll(/\bUmerov\b/g)].length - 1;
    assert.equal(expected, 6, "seven in 004, one of them bob's");

    const actions = await seed002.actionsAt('Umerov');
    const tagAll = find(actions, `Tag all ${expected} occurrences of "Umerov" in the workspace as PERSON (1 article)`);
    const preview = find(actions, `Preview: the ${expected} occurrences of "Umerov" in the workspace`);

    const listed = (await seed002.run(preview)) as unknown as WorkspaceOccurrencesResult;
    assert.equal(listed.occurrences.length, expected);
    assert.equal(listed.articles, 1);
    assert.deepEqual(listed.occurrences.map((occurrence) => occurrence.line + 1), [4, 7, 14, 18, 20, 29]);
    assert.ok(listed.occurrences.every((occurrence) => occurrence.article === '004_20007e029abd094d.txt' && occurrence.text === 'Umerov'));
    assert.equal(listed.occurrences[0]!.excerpt, 'Umerov: Ukraine, Latvia to work on joint…');
    assert.ok(session.messages.some((message) => message.startsWith(`${expected} untagged occurrences of "Umerov" in 1 article, to tag as PERSON:\n004_20007e029abd094d.txt:4  Umerov: Ukraine`)), JSON.stringify(session.messages));

    const result = (await seed002.run(tagAll)) as unknown as TagAllInWorkspaceResult;
    assert.equal(result.tagged, expected);
    assert.deepEqual(result.skipped, []);
    assert.match(result.message, /^Tagged 6 occurrences of "Umerov" as PERSON in 1 article\./);
    const tags = (readSidecar(path.join(session.root, SEED_004))?.annotations ?? []) as unknown as Tag[];
    assert.equal(tags.length, expected + 1);
    assert.deepEqual(tags.find((tag) => tag.id === bobsTag.id), JSON.parse(JSON.stringify(bobsTag)), "bob's tag untouched");
    const added = tags.filter((tag) => tag.id !== bobsTag.id);
    assert.ok(added.every((tag) => tag.text === 'Umerov' && tag.label === 'PERSON' && tag.status === 'accepted' && tag.source === 'manual' && tag.annotator === 'ann'), JSON.stringify(added[0]));
    const counted = await lexiconText(session);
    assert.match(counted, /"text":"Umerov","label":"PERSON","kind":"entity","count":7,/, 'each new tag teaches too');

    // Nothing left to tag elsewhere: the quick fix is gone.
    assert.ok(!titles(await seed002.actionsAt('Umerov')).some((title) => title.includes('in the workspace')));
  });

  it('checks each chosen occurrence again: one whose text changed is skipped and reported', async () => {
    const seed002 = await session.open(SEED_002);
    const args = { uri: seed002.uri, text: 'Starmer', label: 'PERSON' };
    const found = await command<WorkspaceOccurrencesResult>(session, ServerCommands.occurrencesInWorkspace, args);
    assert.ok(found.occurrences.length >= 1);
    const stale = { uri: found.occurrences[0]!.uri, start: found.occurrences[0]!.start + 1, end: found.occurrences[0]!.end + 1, text: 'Starmer' };
    const result = await command<TagAllInWorkspaceResult>(session, ServerCommands.tagAllInWorkspace, { ...args, occurrences: [stale] });
    assert.equal(result.tagged, 0);
    assert.equal(result.skipped.length, 1);
    assert.equal(result.skipped[0]!.reason, '"Starmer" is no longer there');
    assert.match(result.message, /^Tagged 0 occurrences of "Starmer" as PERSON in 0 articles; 1 skipped \("Starmer" is no longer there\)/);
  });
});

describe('a broken lexicon file', () => {
  let session: Session;
  const broken = '{"version":1,"entries":[{"text":"Umerov"}],"suppressions":[]}';
  before(async () => {
    session = await startSession({ annotator: 'ann' });
    writeFileSync(lexiconPath(session), broken);
  });
  after(() => session.close());

  it('is reported and left untouched, and tagging goes on without learning', async () => {
    const seed002 = await session.open(SEED_002);
    // Answered once the lexicon was read: the warning, sent before, has arrived.
    const listed = (await session.connection.sendRequest('workspace/executeCommand', { command: ServerCommands.learnedRules, arguments: [{ uri: seed002.uri }] })) as { message: string; failed?: boolean };
    assert.equal(listed.failed, true);
    assert.match(listed.message, /cannot be listed until it is fixed/);
    assert.ok(session.messages.some((message) => /marginalia\.lexicon\.json: is not a Marginalia lexicon: entries\[0\]/.test(message) && /left as it is/.test(message)), JSON.stringify(session.messages));
    const result = await seed002.run(find(await seed002.actionsAt('Umerov'), 'Tag "Umerov" as PERSON'));
    assert.equal(result.message, 'Tagged "Umerov" as PERSON');
    assert.equal(readSidecar(seed002.path)?.annotations.length, 1);
    assert.equal(readFileSync(lexiconPath(session), 'utf8'), broken);
  });

  it('is read again once fixed: what it says is suggested', async () => {
    const seed004 = await session.open(SEED_004);
    const file = lexiconPath(session);
    writeFileSync(file, '{"version":1,"entries":[{"text":"Spruds","label":"PERSON","kind":"entity","count":1,"by":"bob","article":"003.txt","at":"2026-11-22T10:00:00.000Z"}],"suppressions":[]}');
    await lexiconChanged(session, seed004, async () => /because bob tagged "Spruds" PERSON in 003\.txt/.test(await hoverText(session, seed004, 'Spruds provided')));
  });
});

describe('learning in blind double annotation', () => {
  let session: Session;
  before(async () => {
    session = await startSession({ annotator: 'bob', blind: true });
    const entry = (text: string, by: string) => `{"text":"${text}","label":"PERSON","kind":"entity","count":1,"by":"${by}","article":"003.txt","at":"2026-11-22T10:00:00.000Z"}`;
    writeFileSync(lexiconPath(session), `{"version":1,"entries":[${entry('Spruds', 'ann')},${entry('Umerov', 'bob')}],"suppressions":[]}`);
  });
  after(() => session.close());

  it("suggests and lists only what this annotator taught: another's lessons would tell their decisions", async () => {
    const seed004 = await session.open(SEED_004);
    assert.match(await hoverText(session, seed004, 'Umerov nor'), /because bob tagged "Umerov" PERSON/);
    assert.doesNotMatch(await hoverText(session, seed004, 'Spruds provided'), /because/);
    const listed = await command<LearnedRulesResult>(session, ServerCommands.learnedRules, { uri: seed004.uri });
    assert.deepEqual(listed.rules.map((rule) => rule.text), ['Umerov']);
  });

  it("tags all occurrences in the workspace where another annotator tagged too, without telling where they did", async () => {
    // ann tagged one "Umerov" of 004 before; bob, annotating blind, tags 002's and then all of 004's.
    const seed004Path = path.join(session.root, SEED_004);
    const text = readFileSync(seed004Path, 'utf8');
    const at = [...text.slice(0, text.indexOf('thanked Umerov') + 'thanked '.length)].length;
    await new SidecarStore().update(seed004Path, (sidecar) => void sidecar.annotations.push(newTag({ text, start: at, end: at + 'Umerov'.length, label: 'PERSON', source: 'manual', annotator: 'ann' })));
    const seed002 = await session.open(SEED_002);
    await seed002.run(find(await seed002.actionsAt('Umerov'), 'Tag "Umerov" as PERSON'));
    const all = [...text.matchAll(/\bUmerov\b/g)].length;
    const result = (await seed002.run(find(await seed002.actionsAt('Umerov'), `Tag all ${all} occurrences of "Umerov" in the workspace as PERSON (1 article)`))) as unknown as TagAllInWorkspaceResult;
    assert.equal(result.tagged, all);
    const tags = (readSidecar(seed004Path)?.annotations ?? []) as unknown as Tag[];
    assert.equal(tags.filter((tag) => tag.annotator === 'bob').length, all, "bob's own tag at ann's place too");
    assert.equal(tags.filter((tag) => tag.annotator === 'ann').length, 1, "ann's tag untouched");
  });
});
