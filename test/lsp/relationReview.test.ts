/**
 * Reviewing two annotators' relations through any LSP editor: where they disagree (same ends, other
 * type; one linked, the other did not) a Warning with "Keep …" quick fixes; in blind mode each
 * annotator sees only their own relations.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, Diagnostic, Hover, InlayHint } from 'vscode-languageserver-protocol';
import { newTag, type Relation, type Tag } from '../../server/src/core/sidecar';
import { newRelation } from '../../server/src/core/tagging/relationOperations';
import { SidecarStore } from '../../server/src/node/sidecarStore';
import { startSession, type OpenArticle, type Session } from '../support/lspClient';

const TEXT = 'Ukraine plans to produce almost 800 interceptor drones by the end of this year.\n';
const tagOn = (needle: string, label: string, annotator: string): Tag => {
  const start = TEXT.indexOf(needle);
  return newTag({ text: TEXT, start, end: start + needle.length, label, source: 'manual', annotator });
};
const ann = { ukraine: tagOn('Ukraine', 'GPE', 'ann'), drones: tagOn('interceptor drones', 'PRODUCT', 'ann'), count: tagOn('almost 800', 'CARDINAL', 'ann') };
const bob = { ukraine: tagOn('Ukraine', 'GPE', 'bob'), drones: tagOn('interceptor drones', 'PRODUCT', 'bob'), count: tagOn('almost 800', 'CARDINAL', 'bob') };
const link = (type: string, from: Tag, to: Tag, annotator: string): Relation => newRelation({ type, from: from.id, to: to.id, status: 'accepted', source: 'manual', annotator });
const annProduces = link('PRODUCES', ann.ukraine, ann.drones, 'ann');
const bobReceives = link('RECEIVES', bob.ukraine, bob.drones, 'bob');
const annCount = link('QUANTITY_OF', ann.count, ann.drones, 'ann');

async function sessionAs(settings: Record<string, unknown>): Promise<{ session: Session; article: OpenArticle }> {
  const session = await startSession(settings);
  const file = path.join(session.root, 'seeds', 'review.txt');
  writeFileSync(file, TEXT);
  await new SidecarStore().updateTags(file, () => ({ put: [...Object.values(ann), ...Object.values(bob)], remove: [], putRelations: [annProduces, bobReceives, annCount] }));
  return { session, article: await session.open('seeds/review.txt') };
}

const isRelationDisagreement = (diagnostic: Diagnostic) => diagnostic.code === 'relation-disagreement';

describe('reviewing two annotators\' relations', () => {
  let session: Session;
  let article: OpenArticle;
  before(async () => ({ session, article } = await sessionAs({ annotator: 'rev' })));
  after(() => session.close());

  it('warns where their relations disagree and settles one with a Keep … quick fix', async () => {
    const warnings = (await session.diagnostics(article.uri, (list) => list.some(isRelationDisagreement))).filter(isRelationDisagreement);
    assert.deepEqual(warnings.map((warning) => warning.message).sort(), [
      'Annotators disagree on a relation: ann\'s "almost 800" → "interceptor drones" as QUANTITY_OF, and bob tagged both ends without linking them. Ctrl+. to keep or reject it.',
      'Annotators disagree on the relation: ann\'s "Ukraine" → "interceptor drones" as PRODUCES and bob\'s "Ukraine" → "interceptor drones" as RECEIVES. Ctrl+. to keep one.',
    ]);
    const actions = (await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: article.uri }, range: warnings.find((w) => /PRODUCES/.test(w.message))!.range, context: { diagnostics: [] } })) as CodeAction[];
    const keep = actions.find((action) => action.title === 'Keep ann\'s "Ukraine" → "interceptor drones" as PRODUCES, reject bob\'s "Ukraine" → "interceptor drones" as RECEIVES');
    assert.ok(keep, JSON.stringify(actions.map((action) => action.title)));
    await article.run(keep);
    const relations = (await new SidecarStore().read(article.path)).sidecar.relations ?? [];
    assert.deepEqual(relations.map((relation) => [relation.type, relation.status, relation.history?.at(-1)?.by]).sort(), [['PRODUCES', 'approved', 'rev'], ['QUANTITY_OF', 'accepted', undefined], ['RECEIVES', 'rejected', 'rev']]);
    const left = (await session.diagnostics(article.uri, (list) => list.filter(isRelationDisagreement).length === 1)).filter(isRelationDisagreement);
    assert.match(left[0]!.message, /QUANTITY_OF/);
  });
});

describe('blind double annotation of relations', () => {
  let session: Session;
  let article: OpenArticle;
  before(async () => ({ session, article } = await sessionAs({ annotator: 'bob', blind: true })));
  after(() => session.close());

  it('shows an annotator only their own relations: hints, hovers, no disagreements', async () => {
    await session.diagnostics(article.uri);
    const hints = (await session.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: article.uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } })) as InlayHint[];
    assert.deepEqual(hints.map((hint) => hint.label), ['→RECEIVES interceptor drones']);
    const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: article.uri }, position: article.positionOf('interceptor drones') })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /RECEIVES/);
    assert.doesNotMatch(value, /PRODUCES|QUANTITY_OF|ann/);
    assert.equal((await session.diagnostics(article.uri)).filter(isRelationDisagreement).length, 0);
  });
});
