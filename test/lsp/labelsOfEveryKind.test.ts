/**
 * A name that reads like a date or a number ("Wednesday" in "Sheffield Wednesday"): any LSP editor can
 * tag it with a label of another kind than the detector's, and once taught, the learnt label and the
 * detector's are both offered, the one that fits the place first.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { readSidecar, startSession, type OpenArticle, type Session } from '../support/lspClient';

const FOOTBALL = 'Fans of Sheffield Wednesday cheered in the rain.\n';
const POLITICS = 'The minister said on Wednesday that talks would resume.\n';
const DERBY = 'Leeds met Sheffield Wednesday at home.\n';

describe('labels of every kind', () => {
  let session: Session;
  const titles = (actions: CodeAction[]) => actions.map((action) => action.title);
  const open = async (name: string, text: string): Promise<OpenArticle> => {
    writeFileSync(path.join(session.root, 'seeds', name), text);
    return session.open(`seeds/${name}`, text);
  };
  const tagTitles = (actions: CodeAction[]) => titles(actions).filter((title) => title.startsWith('Tag as '));

  before(async () => {
    session = await startSession();
  });
  after(() => session.close());

  it('offers every label on a date suggestion, the date labels first, and tags "Wednesday" as ORG', async () => {
    const article = await open('football.txt', FOOTBALL);
    const actions = await article.actionsAt('Wednesday');
    assert.equal(actions[0]!.title, 'Tag as DATE');
    const offered = tagTitles(actions);
    assert.deepEqual(offered.slice(0, 3), ['Tag as DATE', 'Tag as TIME', 'Tag as DURATION']);
    for (const label of ['ORG', 'PERSON', 'GPE', 'CARDINAL', 'MONEY']) assert.ok(offered.includes(`Tag as ${label}`), `no "Tag as ${label}" among ${JSON.stringify(offered)}`);
    const result = await article.run(actions.find((action) => action.title === 'Tag as ORG')!);
    assert.equal(result.message, 'Tagged "Wednesday" as ORG');
    const [tag] = readSidecar(article.path)!.annotations;
    assert.deepEqual([tag.label, tag.kind, tag.text], ['ORG', 'entity', 'Wednesday']);
  });

  it('then suggests both the learnt ORG and the detected DATE on "Wednesday" elsewhere, the one that fits first', async () => {
    const politics = await open('politics.txt', POLITICS);
    assert.deepEqual(tagTitles(await politics.actionsAt('Wednesday')).slice(0, 2), ['Tag as DATE', 'Tag as ORG']);
    const derby = await open('derby.txt', DERBY);
    const actions = await derby.actionsAt('Wednesday');
    assert.deepEqual(tagTitles(actions).slice(0, 2), ['Tag as ORG', 'Tag as DATE']);
    assert.ok(titles(actions).includes('Reject suggestion DATE on "Wednesday"'), JSON.stringify(titles(actions)));
  });

  it('offers every label in "Change label", the tag’s kind first', async () => {
    const article = await open('football.txt', FOOTBALL);
    const changes = titles(await article.actionsAt('Wednesday')).filter((title) => title.startsWith('Change label to '));
    const entities = ['PERSON', 'NORP', 'FAC', 'GPE', 'LOC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW', 'LANGUAGE'];
    assert.deepEqual(changes.slice(0, entities.length), entities.map((label) => `Change label to ${label}`));
    assert.deepEqual(changes.slice(entities.length).sort(), ['CARDINAL', 'DATE', 'DURATION', 'MONEY', 'ORDINAL', 'PERCENT', 'QUANTITY', 'TIME'].map((label) => `Change label to ${label}`));
  });
});
