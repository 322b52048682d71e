import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodePointIndex } from '../core/base/offsets';
import { resolveLabelSet } from '../core/project/labelSet';
import { resolveRelationTypes } from '../core/project/relationTypes';
import { parseSidecar } from '../core/sidecar/parse';
import type { Relation, Tag } from '../core/sidecar/schema';
import { applyEdit, type TagEdit } from '../core/sidecar/tagEdits';
import { newTag } from '../core/sidecar/tags';
import type { Actor } from '../core/tagging/actor';
import { RelationOperations, withRelationsOfRemovedTags } from '../core/tagging/relationOperations';
import { TagOperations, type ArticleTags } from '../core/tagging/tagOperations';
import { UndoStack } from '../core/tagging/undoStack';
import { SidecarStore } from './sidecarStore';

const TEXT = 'Ukraine plans to produce almost 800 interceptor drones by the end of this year.';
const index = new CodePointIndex(TEXT);
const USES = { name: 'USES', from: ['*'], to: ['*'], symmetric: false, color: '#000000' };
const types = [...resolveRelationTypes(undefined), USES];
const { labels } = resolveLabelSet();
const ann: Actor = { annotator: 'ann', blind: false };
const bob: Actor = { annotator: 'bob', blind: false };

function tagOn(needle: string, label: string, annotator = 'ann'): Tag {
  const start = TEXT.indexOf(needle);
  return newTag({ text: TEXT, start, end: start + needle.length, label, source: 'manual', annotator });
}

function articleOf(tags: readonly Tag[]): ArticleTags {
  return { text: TEXT, index, tags: tags.map((tag) => ({ tag, orphaned: false })), detectedValue: () => undefined };
}

describe('relations between tags (sidecar format 5, core operations, the store)', () => {
  let folder: string;
  let article: string;
  const store = new SidecarStore();
  const ukraine = tagOn('Ukraine', 'GPE');
  const drones = tagOn('interceptor drones', 'PRODUCT');
  const count = tagOn('almost 800', 'CARDINAL');

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'marginalia-relations-'));
    article = join(folder, '000_drones.txt');
    await writeFile(article, TEXT);
    await store.updateTags(article, () => ({ put: [ukraine, drones, count], remove: [] }));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  /** Applies an edit as the editor does: through applyEdit, under the store's queue and lock. */
  async function apply(edit: TagEdit): Promise<{ tags: Tag[]; relations: Relation[] }> {
    const { sidecar } = await store.updateTags(article, (tags, relations) => applyEdit(tags, edit, relations));
    return { tags: [...sidecar.annotations], relations: [...(sidecar.relations ?? [])] };
  }

  async function current(): Promise<{ tags: Tag[]; relations: Relation[] }> {
    const { sidecar } = await store.read(article);
    return { tags: [...sidecar.annotations], relations: [...(sidecar.relations ?? [])] };
  }

  it('links two tags, writes the relation on a line of its own in format 5, and reads it back', async () => {
    const edit = new RelationOperations(articleOf([ukraine, drones]), [], types, ann).link(ukraine, drones, 'PRODUCES');
    assert.equal(edit.description, 'Linked "Ukraine" → "interceptor drones" as PRODUCES');
    const { relations } = await apply(edit);
    assert.equal(relations.length, 1);
    assert.deepEqual([relations[0]!.type, relations[0]!.from, relations[0]!.to, relations[0]!.status, relations[0]!.annotator], ['PRODUCES', ukraine.id, drones.id, 'accepted', 'ann']);
    const file = await readFile(join(folder, '000_drones.annotations.json'), 'utf8');
    assert.match(file, /"version": 5,/);
    assert.match(file, /\n {2}"relations": \[\n {4}\{"id": "r-[0-9a-f]{12}", "type": "PRODUCES", "from": "t-[0-9a-f]{12}", "to": "t-[0-9a-f]{12}", "status": "accepted", .*\}\n {2}\]\n\}\n$/);
    assert.deepEqual(parseSidecar(file, 'x').relations, relations);
  });

  it('refuses labels the type does not allow, naming both', () => {
    assert.throws(() => new RelationOperations(articleOf([ukraine, drones]), [], types, ann).link(drones, ukraine, 'PRODUCES'), /PRODUCES links GPE\/ORG to PRODUCT, not PRODUCT to GPE/);
  });

  it('undo and redo cover linking, relabelling, reversing and reviewing, each step in the history', async () => {
    const undo = new UndoStack();
    const step = async (edit: TagEdit) => {
      undo.record(edit);
      return apply(edit);
    };
    const linked = (await step(new RelationOperations(articleOf([ukraine, drones, count]), [], types, ann).link(count, drones, 'QUANTITY_OF'))).relations[0]!;
    const ops = (relations: Relation[], actor = ann) => new RelationOperations(articleOf([ukraine, drones, count]), relations, types, actor);
    const relabelled = (await step(ops([linked]).relabel(linked.id, 'USES', 'used, not made?'))).relations[0]!;
    assert.deepEqual([relabelled.type, relabelled.history?.at(-1)?.action, relabelled.history?.at(-1)?.comment], ['USES', 'relabelled', 'used, not made?']);
    const approved = (await step(ops([relabelled], bob).approve(linked.id))).relations[0]!;
    assert.deepEqual([approved.status, approved.annotator, approved.history?.map((entry) => entry.action)], ['approved', 'ann', ['relabelled', 'approved']]);
    await apply(undo.undo()!);
    await apply(undo.undo()!);
    assert.deepEqual((await current()).relations, [linked]);
    await apply(undo.undo()!);
    assert.deepEqual((await current()).relations, []);
    await apply(undo.redo()!);
    assert.deepEqual((await current()).relations, [linked]);
  });

  it('reverses a relation where the type allows it the other way, and refuses one whose labels would not fit', async () => {
    const ally = (await apply(new RelationOperations(articleOf([ukraine, drones]), [], types, ann).link(ukraine, drones, 'USES'))).relations[0]!;
    const reversed = new RelationOperations(articleOf([ukraine, drones]), [ally], types, ann).reverse(ally.id).relations![0]!.after!;
    assert.deepEqual([reversed.from, reversed.to, reversed.history?.[0]?.action], [drones.id, ukraine.id, 'reversed']);
    const produces = (await apply(new RelationOperations(articleOf([ukraine, drones]), [], types, ann).link(ukraine, drones, 'PRODUCES'))).relations.find((r) => r.type === 'PRODUCES')!;
    assert.throws(() => new RelationOperations(articleOf([ukraine, drones]), [produces], types, ann).reverse(produces.id), /Cannot reverse: PRODUCES links GPE\/ORG to PRODUCT, not PRODUCT to GPE/);
  });

  it('removing a tag removes its relations in the same edit (one undo brings both back); the store refuses to leave one pointing at nothing', async () => {
    const linked = (await apply(new RelationOperations(articleOf([ukraine, drones]), [], types, ann).link(ukraine, drones, 'PRODUCES'))).relations[0]!;
    const bare = new TagOperations(articleOf([ukraine, drones, count]), labels, ann).remove(ukraine.id);
    await assert.rejects(apply(bare), /relation r-[0-9a-f]+ \(PRODUCES\) would point at tag t-[0-9a-f]+, which is not in the sidecar/);
    assert.equal((await current()).tags.length, 3, 'nothing written');
    const edit = withRelationsOfRemovedTags(bare, [linked]);
    assert.equal(edit.description, 'Removed the GPE tag on "Ukraine" and its relation');
    const after = await apply(edit);
    assert.deepEqual([after.tags.length, after.relations.length], [2, 0]);
    const undo = new UndoStack();
    undo.record(edit);
    const restored = await apply(undo.undo()!);
    assert.deepEqual([restored.tags.length, restored.relations], [3, [linked]]);
  });

  it('a relation with a missing end already in the file (a hand edit) is kept and does not block other work', async () => {
    const path = join(folder, '000_drones.annotations.json');
    const json = JSON.parse(await readFile(path, 'utf8'));
    json.relations = [{ id: 'r-1', type: 'PRODUCES', from: ukraine.id, to: 't-gone', status: 'accepted', source: 'manual', annotator: 'ann', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' }];
    await writeFile(path, JSON.stringify(json));
    const { relations } = await apply(new TagOperations(articleOf([ukraine, drones, count]), labels, ann).changeLabel(count.id, 'QUANTITY'));
    assert.deepEqual(relations.map((relation) => relation.id), ['r-1']);
  });

  it('migrates a version 4 sidecar (no relations) and refuses an unknown field of a relation, naming it', () => {
    const v4 = { version: 4, article: 'a.txt', annotations: [ukraine] };
    assert.deepEqual(parseSidecar(JSON.stringify(v4), 'a.annotations.json'), { ...v4, version: 5 });
    const bad = { version: 5, article: 'a.txt', annotations: [ukraine, drones], relations: [{ id: 'r-1', type: 'PRODUCES', from: ukraine.id, to: drones.id, status: 'accepted', source: 'manual', annotator: 'ann', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', weight: 2 }] };
    assert.throws(() => parseSidecar(JSON.stringify(bad), 'a.annotations.json'), /a\.annotations\.json: relations\[0\]: Unrecognized key: "weight"/);
    const looped = { ...bad, relations: [{ ...bad.relations[0], weight: undefined, to: ukraine.id }] };
    assert.throws(() => parseSidecar(JSON.stringify(looped), 'a.annotations.json'), /not tag t-[0-9a-f]+ with itself/);
  });

  it('keeps one side of a relation in conflict state (after a merge), or removes it when that side deleted it', () => {
    const base = { id: 'r-c', type: 'PRODUCES', from: ukraine.id, to: drones.id, source: 'manual' as const, annotator: 'ann', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' };
    const { id: _id, ...version } = { ...base, status: 'accepted' as const };
    const conflicted: Relation = { ...base, status: 'conflict', conflict: { ours: version, theirs: 'deleted' } };
    const ops = new RelationOperations(articleOf([ukraine, drones]), [conflicted], types, ann);
    assert.deepEqual(ops.resolveConflict('r-c', 'ours').relations![0]!.after, { ...version, id: 'r-c' });
    assert.equal(ops.resolveConflict('r-c', 'theirs').relations![0]!.after, undefined);
  });

  it('in blind mode an annotator cannot act on another annotator\'s relation', async () => {
    const bobs = (await apply(new RelationOperations(articleOf([ukraine, drones]), [], types, bob).link(ukraine, drones, 'PRODUCES'))).relations[0]!;
    // The LSP layer hands over only the relations this person sees (canSee): bob's is not among ann's.
    assert.throws(() => new RelationOperations(articleOf([ukraine, drones]), [], types, { annotator: 'ann', blind: true }).remove(bobs.id), /No relation r-/);
  });
});

describe('relation types', () => {
  it('the seeds\' project file spells out the built-in set for news, which a project without "relations" gets', async () => {
    const { parseProjectFile } = await import('../core/project/projectFile');
    const { DEFAULT_RELATION_SETTINGS } = await import('../core/project/relationTypes');
    const parsed = parseProjectFile(await readFile(join(__dirname, '..', '..', '..', 'seeds', 'marginalia.json'), 'utf8'), 'seeds/marginalia.json');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.project.relations, DEFAULT_RELATION_SETTINGS);
  });

  it('a project file\'s relation type with a bad end is refused on its key, naming the file', async () => {
    const { parseProjectFile } = await import('../core/project/projectFile');
    const parsed = parseProjectFile('{"relations": {"PRODUCES": {"from": [], "to": ["PRODUCT"], "weight": 1}}}', 'corpus/marginalia.json');
    assert.ok(!parsed.ok);
    assert.match(parsed.message, /^corpus\/marginalia\.json: .*relations\.PRODUCES\.from: at least one label, or "\*" for any/);
    assert.ok(parsed.issues.some((issue) => /unknown key "weight" \(known: from, to, symmetric, color, guideline\)/.test(issue.message)));
  });
});
