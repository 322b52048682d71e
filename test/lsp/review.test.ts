/**
 * Reviewing through any LSP editor: disagreements between two annotators walked one quick fix at a
 * time, review actions recorded in each tag's history, blind double annotation and the review filter.
 * The articles carry the two simulated annotators of test/fixtures/agreement ("ann" and "bob").
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, SemanticTokens } from 'vscode-languageserver-protocol';
import { ArticleChangedNotification, ArticleViewRequest, CorpusReportRequest, CorpusRequest, type ArticleView, type CorpusSummary } from '../../server/src/api/protocol';
import { findDisagreements } from '../../server/src/core/review';
import { newTag, type Tag } from '../../server/src/core/sidecar';
import { SidecarStore } from '../../server/src/node/sidecarStore';
import { PROJECT_ROOT } from '../support/projectRoot';
import { decodeTokens, startSession, type OpenArticle, type Session } from '../support/lspClient';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'agreement');
const ARTICLES = readdirSync(FIXTURES).filter((name) => name.endsWith('.txt')).sort();

/** A session whose seeds/ hold the two annotators' sidecars. */
async function reviewSession(settings: Record<string, unknown>, options?: Parameters<typeof startSession>[1]): Promise<Session> {
  const session = await startSession(settings, options);
  for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.annotations.json'))) copyFileSync(path.join(FIXTURES, name), path.join(session.root, 'seeds', name));
  return session;
}

const tagsOf = async (article: OpenArticle): Promise<Tag[]> => (await new SidecarStore().read(article.path)).sidecar.annotations;
const isDisagreement = (diagnostic: Diagnostic) => diagnostic.code === 'disagreement';
const codeActionsAt = (session: Session, article: OpenArticle, range: Diagnostic['range']) =>
  session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: article.uri }, range, context: { diagnostics: [] } }) as Promise<CodeAction[]>;
const titles = (actions: CodeAction[]) => actions.map((action) => action.title);
const find = (actions: CodeAction[], start: string) => {
  const action = actions.find((candidate) => candidate.title.startsWith(start));
  assert.ok(action, `no action "${start}…" among ${JSON.stringify(titles(actions))}`);
  return action;
};

describe('a reviewer walks the disagreements of two annotators', () => {
  let session: Session;
  before(async () => (session = await reviewSession({ annotator: 'rev' })));
  after(() => session.close());

  for (const name of ARTICLES) {
    it(`settles every disagreement in ${name} with the preferred quick fix, one at a time`, async () => {
      const article = await session.open(`seeds/${name}`);
      const expected = findDisagreements(await tagsOf(article)).length;
      assert.ok(expected > 0, 'the fixture has disagreements to walk');
      let remaining = (await session.diagnostics(article.uri, (list) => list.some(isDisagreement))).filter(isDisagreement);
      assert.equal(remaining.length, expected, 'one warning per disagreement');
      assert.ok(remaining.every((diagnostic) => diagnostic.severity === 2 && /^Annotators disagree on the (labels|spans): ann's|bob's/.test(diagnostic.message)), remaining[0]?.message);
      let steps = 0;
      while (remaining.length > 0) {
        // What a reviewer does from the keyboard: go to the next warning, Ctrl+., Enter on the preferred fix.
        const actions = await codeActionsAt(session, article, remaining[0]!.range);
        assert.equal(actions[0]?.isPreferred, true);
        assert.match(actions[0]!.title, /^Keep (ann|bob)'s [A-Z_]+ ".+", reject (ann|bob)'s [A-Z_]+ ".+"$/);
        assert.ok(titles(actions).some((title) => title.startsWith('Keep ') && title !== actions[0]!.title), 'the other side is offered too');
        const result = await article.run(actions[0]!);
        assert.match(result.message, /^Kept (ann|bob)'s/);
        const before = remaining.length;
        remaining = (await session.diagnostics(article.uri, (list) => list.filter(isDisagreement).length < before)).filter(isDisagreement);
        steps++;
      }
      assert.ok(steps <= expected);
      const tags = await tagsOf(article);
      assert.equal(findDisagreements(tags).length, 0, 'none left on disk either');
      const decided = tags.filter((tag) => tag.history?.some((entry) => entry.by === 'rev'));
      assert.ok(decided.length >= steps, 'every decision is in the history');
      assert.ok(decided.every((tag) => (tag.status === 'approved' || tag.status === 'rejected') && tag.annotator !== 'rev'), 'tags stay their annotators’');
    });
  }

});

describe('a disagreement on nested spans', () => {
  let session: Session;
  after(() => session.close());

  it('offers "Keep both", which approves both tags in one step', async () => {
    session = await startSession({ annotator: 'rev' });
    const name = `seeds/${ARTICLES[0]}`;
    const text = readFileSync(path.join(session.root, name), 'utf8');
    const at = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;
    const full = newTag({ text, start: at('Volodymyr Zelensky'), end: at('Volodymyr Zelensky') + 18, label: 'PERSON', source: 'manual', annotator: 'ann' });
    const surname = newTag({ text, start: at('Zelensky'), end: at('Zelensky') + 8, label: 'PERSON', source: 'manual', annotator: 'bob' });
    await new SidecarStore().update(path.join(session.root, name), (sidecar) => ({ ...sidecar, annotations: [full, surname] }));
    const article = await session.open(name);
    await session.diagnostics(article.uri, (list) => list.some(isDisagreement));
    const keepBoth = find(await article.actionsAt('Zelensky', 3), 'Keep both: approve ann\'s PERSON "Volodymyr Zelensky" and bob\'s PERSON "Zelensky"');
    assert.equal((await article.run(keepBoth)).message, 'Kept both: approved ann\'s PERSON "Volodymyr Zelensky" and bob\'s PERSON "Zelensky"');
    assert.deepEqual((await tagsOf(article)).map((tag) => [tag.annotator, tag.status]), [['ann', 'approved'], ['bob', 'approved']]);
    await session.diagnostics(article.uri, (list) => !list.some(isDisagreement));
  });
});

describe('review actions on a tag', () => {
  let session: Session;
  let article: OpenArticle;
  const ARTICLE = `seeds/${ARTICLES[0]}`;
  const tagOn = async (text: string) => (await tagsOf(article)).find((tag) => tag.text === text && tag.status !== 'rejected')!;

  before(async () => {
    // An annotator's tag to review: "Volodymyr Zelensky" PERSON by olena, written as the editor would.
    const olena = await startSession({ annotator: 'olena' });
    session = await startSession({ annotator: 'rev' });
    try {
      const theirs = await olena.open(ARTICLE);
      await theirs.run(find(await theirs.actionsAt('Zelensky', 3), 'Tag as PERSON'));
      copyFileSync(theirs.path.replace(/\.txt$/, '.annotations.json'), path.join(session.root, ARTICLE.replace(/\.txt$/, '.annotations.json')));
    } finally {
      await olena.close();
    }
    article = await session.open(ARTICLE);
  });
  after(() => session.close());

  it('approves with a comment: the status, who, when and why go into the history, the tag stays olena’s', async () => {
    const approve = find(await article.actionsAt('Zelensky', 3), 'Approve PERSON on "Volodymyr Zelensky"');
    const result = await session.connection.sendRequest('workspace/executeCommand', { command: approve.command!.command, arguments: [{ ...approve.command!.arguments![0], comment: 'checked against the source' }] });
    assert.deepEqual(result, { message: 'Approved PERSON on "Volodymyr Zelensky"', lastTagAction: (result as { lastTagAction: number }).lastTagAction });
    const tag = await tagOn('Volodymyr Zelensky');
    assert.equal(tag.status, 'approved');
    assert.equal(tag.annotator, 'olena');
    assert.deepEqual(tag.history?.map(({ by, action, from, to, comment }) => ({ by, action, from, to, comment })), [{ by: 'rev', action: 'approved', from: 'accepted', to: 'approved', comment: 'checked against the source' }]);
  });

  it('draws the approved tag as tagged and approved, for editors that colour by token modifier', async () => {
    const result = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: article.uri } })) as SemanticTokens;
    const tokens = decodeTokens(article.text, result.data, session.init.capabilities.semanticTokensProvider!.legend);
    assert.deepEqual(tokens.find((token) => token.text === 'Volodymyr Zelensky')?.modifiers, ['tagged', 'approved']);
  });

  it('shows the history in the hover', async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: article.uri }, position: article.positionOf('Zelensky') })) as Hover;
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /approved/);
    assert.match(text, /\*History:\*\n- \d{4}-\d\d-\d\d \d\d:\d\d UTC · rev approved accepted → approved: “checked against the source”/);
  });

  it('changes the label of another annotator’s tag as a review: approved, still theirs, from → to recorded', async () => {
    await article.run(find(await article.actionsAt('Zelensky', 3), 'Change label to NORP'));
    const tag = await tagOn('Volodymyr Zelensky');
    assert.deepEqual([tag.label, tag.status, tag.annotator], ['NORP', 'approved', 'olena']);
    assert.deepEqual(tag.history?.at(-1) && { action: tag.history.at(-1)!.action, from: tag.history.at(-1)!.from, to: tag.history.at(-1)!.to }, { action: 'relabelled', from: 'PERSON', to: 'NORP' });
  });

  it('moves the span to the selection, and undo puts the tag back as it was, history included', async () => {
    const before = await tagOn('Volodymyr Zelensky');
    const actions = await article.actionsAt('Zelensky', 'Zelensky'.length);
    await article.run(find(actions, 'Change span of NORP "Volodymyr Zelensky" to "Zelensky"'));
    const moved = await tagOn('Zelensky');
    assert.equal(moved.id, before.id);
    assert.equal(moved.end - moved.start, 'Zelensky'.length);
    assert.deepEqual({ action: moved.history!.at(-1)!.action, from: moved.history!.at(-1)!.from }, { action: 'resized', from: `"Volodymyr Zelensky" ${before.start}–${before.end}` });
    await session.connection.sendRequest('workspace/executeCommand', { command: 'marginalia.undo', arguments: [{ uri: article.uri }] });
    assert.deepEqual(await tagOn('Volodymyr Zelensky'), before);
  });

  it('comments through the server command any editor can run, and refuses an empty comment', async () => {
    const { id } = await tagOn('Volodymyr Zelensky');
    await session.connection.sendRequest('workspace/executeCommand', { command: 'marginalia.comment', arguments: [{ uri: article.uri, tagId: id, comment: 'ask olena about NORP' }] });
    assert.equal((await tagOn('Volodymyr Zelensky')).history!.at(-1)!.comment, 'ask olena about NORP');
    const empty = (await session.connection.sendRequest('workspace/executeCommand', { command: 'marginalia.comment', arguments: [{ uri: article.uri, tagId: id, comment: '  ' }] })) as { message: string; failed?: boolean };
    assert.equal(empty.failed, true);
    assert.match(empty.message, /comment: expected a comment/);
  });

  it('rejects in review: the tag is kept as rejected, with the step in its history', async () => {
    await article.run(find(await article.actionsAt('Zelensky', 3), 'Reject NORP on "Volodymyr Zelensky"'));
    const tag = (await tagsOf(article)).find((candidate) => candidate.text === 'Volodymyr Zelensky')!;
    assert.deepEqual([tag.status, tag.annotator, tag.history!.at(-1)!.action], ['rejected', 'olena', 'rejected']);
  });

  it('filters the highlights to what still needs review, and lists those tags for "next problem" in any editor', async () => {
    const view = () => session.connection.sendRequest(ArticleViewRequest, { uri: article.uri }) as Promise<ArticleView>;
    assert.ok((await view()).items.some((item) => item.state === 'rejected'));
    const filter = (await article.actionsAt('Zelensky', 3)).find((action) => action.title === 'Show only what needs review');
    assert.equal(filter?.kind, 'source', 'a source action, apart from the quick fixes');
    await article.run(filter!);
    assert.ok(!(await view()).items.some((item) => item.state === 'rejected' || item.state === 'approved'));
    const showAll = (await article.actionsAt('Zelensky', 3)).find((action) => action.title.startsWith('Show all tags'));
    await article.run(showAll!);
    assert.ok((await view()).items.some((item) => item.state === 'rejected'));
  });
});

describe('blind double annotation', () => {
  let session: Session;
  let article: OpenArticle;
  before(async () => {
    session = await reviewSession({ annotator: 'ann', blind: true });
    article = await session.open(`seeds/${ARTICLES[1]}`);
  });
  after(() => session.close());

  it('shows an annotator only their own tags, and no disagreements', async () => {
    const view = (await session.connection.sendRequest(ArticleViewRequest, { uri: article.uri })) as ArticleView;
    const ids = view.items.flatMap((item) => (item.tagId ? [item.tagId] : []));
    assert.ok(ids.length > 0);
    assert.ok(ids.every((id) => id.startsWith('ann-')), JSON.stringify(ids.filter((id) => !id.startsWith('ann-'))));
    // The first diagnostics come once the sidecar is read: ann tagged every suggestion of this article,
    // and the disagreements with bob that a reviewer sees on it (above) are not hers to see.
    const diagnostics = await session.diagnostics(article.uri);
    assert.deepEqual(diagnostics.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`), []);
  });

  it('hides other annotators\' tags from the first request and the first diagnostics, even when the editor is slow to give its settings', async () => {
    const slow = await reviewSession({ annotator: 'ann', blind: true }, { holdSettings: true });
    try {
      const uri = pathToFileURL(path.join(slow.root, 'seeds', ARTICLES[1]!)).href;
      const loaded = new Promise<void>((resolve) => slow.connection.onNotification(ArticleChangedNotification, (changed: { uri: string }) => changed.uri === uri && resolve()));
      const published: Diagnostic[][] = [];
      const firstPublished = new Promise<void>((resolve) =>
        slow.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
          if (params.uri !== uri) return;
          published.push(params.diagnostics);
          resolve();
        }),
      );
      const opened = await slow.open(`seeds/${ARTICLES[1]}`);
      // The article is loaded while the settings are still on their way.
      await loaded;
      const asked = slow.connection.sendRequest(ArticleViewRequest, { uri: opened.uri }) as Promise<ArticleView>;
      slow.releaseSettings();
      const ids = (await asked).items.flatMap((item) => (item.tagId ? [item.tagId] : []));
      assert.ok(ids.length > 0 && ids.every((id) => id.startsWith('ann-')), JSON.stringify(ids.filter((id) => !id.startsWith('ann-'))));
      await firstPublished;
      assert.ok(!published.flat().some(isDisagreement), 'no disagreement with bob is ever shown to ann');
    } finally {
      await slow.close();
    }
  });

  it('refuses an action on a tag the annotator cannot see', async () => {
    const bobs = (await tagsOf(article)).find((tag) => tag.annotator === 'bob')!;
    const result = (await session.connection.sendRequest('workspace/executeCommand', { command: 'marginalia.approve', arguments: [{ uri: article.uri, tagId: bobs.id }] })) as { message: string; failed?: boolean };
    assert.equal(result.failed, true);
    assert.match(result.message, /No tag bob-\d+ in this article/);
    assert.deepEqual((await tagsOf(article)).find((tag) => tag.id === bobs.id), bobs);
  });

  it('counts only the annotator\'s own tags in the corpus view, open article or not', async () => {
    const corpus = (await session.connection.sendRequest(CorpusRequest, {})) as CorpusSummary;
    for (const name of ARTICLES) {
      const listed = corpus.articles.find((entry) => entry.name === `seeds/${name}`);
      assert.ok(listed, `seeds/${name} is listed`);
      const own = (await new SidecarStore().read(path.join(session.root, 'seeds', name))).sidecar.annotations.filter((tag) => tag.annotator === 'ann' || tag.status === 'proposed');
      assert.equal(listed.total, own.length, `${name}: ann's tags only`);
    }
  });

  it('keeps the agreement report, which shows everyone\'s labels, closed', async () => {
    await assert.rejects(session.connection.sendRequest(CorpusReportRequest, {}), /blind mode/);
  });
});
