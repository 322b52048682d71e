import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newTag, type Tag } from '../sidecar';
import { placedAt } from './tags';
import { applyEdit, invertEdit, modifiedTag, outcomeOf, type TagEdit } from './tagEdits';
import { UndoStack } from '../tagging/undoStack';

const text = 'President Volodymyr Zelensky met NATO officials.';
const person = newTag({ text, start: 10, end: 28, label: 'PERSON', source: 'suggestion', annotator: 'olena' });
const nato = newTag({ text, start: 33, end: 37, label: 'ORG', source: 'manual', annotator: 'olena' });

/** Tags by id, as the sidecar store keeps them; `apply` applies an edit to them as the store would. */
class Tags {
  readonly byId = new Map<string, Tag>();

  apply(edit: TagEdit) {
    const { put, remove, skipped } = applyEdit(this.byId, edit);
    for (const id of remove) this.byId.delete(id);
    for (const tag of put) this.byId.set(tag.id, tag);
    return skipped;
  }

  get all(): Tag[] {
    return [...this.byId.values()];
  }
}

describe('tag edits', () => {
  it('add, change and remove tags by id', () => {
    const tags = new Tags();
    tags.apply({ description: 'tag', changes: [{ after: person }, { after: nato }] });
    assert.equal(tags.all.length, 2);
    const relabelled = modifiedTag(nato, { label: 'NORP' });
    tags.apply({ description: 'relabel', changes: [{ before: nato, after: relabelled }] });
    assert.equal(tags.byId.get(nato.id)?.label, 'NORP');
    tags.apply({ description: 'remove', changes: [{ before: person }] });
    assert.deepEqual(tags.all.map((tag) => tag.id), [nato.id]);
  });

  it('undo exactly what they did, and redo it again', () => {
    const tags = new Tags();
    const edit = { description: 'tag', changes: [{ after: person }] };
    tags.apply(edit);
    tags.apply(invertEdit(edit));
    assert.deepEqual(tags.all, []);
    tags.apply(edit);
    assert.deepEqual(tags.all, [person]);
  });

  it('skip, and report, a change to a tag that someone else changed meanwhile', () => {
    const tags = new Tags();
    tags.apply({ description: 'tag', changes: [{ after: modifiedTag(person, { label: 'ORG' }) }] });
    const skipped = tags.apply({ description: 'remove', changes: [{ before: person }] });
    assert.equal(skipped.length, 1);
    assert.equal(tags.byId.get(person.id)?.label, 'ORG');
  });

  it('apply an action to a tag the editor placed anew (moved, context refreshed by a save): where it stands is no change of it', () => {
    const tags = new Tags();
    tags.apply({ description: 'tag', changes: [{ after: person }] });
    const edited = 'Breaking: President Volodymyr Zelensky met NATO officials today.';
    const saved = placedAt(person, edited, 20, 38);
    tags.apply({ description: 'save positions', changes: [{ before: person, after: saved }] });
    // The action started from the editor's copy, placed before the save wrote the new context.
    const skipped = tags.apply({ description: 'remove', changes: [{ before: person }] });
    assert.deepEqual(skipped, []);
    assert.deepEqual(tags.all, []);
  });

  it('word what was done from what was written: all, part, or nothing', () => {
    const remove: TagEdit = { description: 'Removed the PERSON tag on "Volodymyr Zelensky"', changes: [{ before: person }] };
    assert.deepEqual(outcomeOf(remove, []), { done: true, message: remove.description });
    const nothing = outcomeOf(remove, remove.changes);
    assert.equal(nothing.done, false);
    assert.match(nothing.message, /^Not done: the PERSON tag on "Volodymyr Zelensky" was changed elsewhere meanwhile/);
    assert.doesNotMatch(nothing.message, /Removed/);
    const both: TagEdit = { description: 'Tagged 2 occurrences', changes: [{ after: person }, { after: nato }] };
    const part = outcomeOf(both, [both.changes[1]]);
    assert.equal(part.done, true);
    assert.match(part.message, /^Partly done \(1 of 2 changes\): Tagged 2 occurrences; not done for the ORG tag on "NATO"/);
  });

  it('apply a second change of the same tag to what the first made of it', () => {
    const tags = new Tags();
    const relabelled = modifiedTag(person, { label: 'NORP' });
    tags.apply({ description: 'tag, then relabel', changes: [{ after: person }, { before: person, after: relabelled }] });
    assert.deepEqual(tags.all, [relabelled]);
  });
});

describe('tag history', () => {
  it('undoes the last action first and forgets redo after a new action', () => {
    const history = new UndoStack();
    history.record({ description: 'first', changes: [{ after: person }] });
    history.record({ description: 'second', changes: [{ after: nato }] });
    assert.equal(history.undo()?.changes[0].before?.id, nato.id);
    assert.ok(history.canRedo);
    assert.equal(history.redo()?.description, 'second');
    history.undo();
    history.record({ description: 'third', changes: [{ before: person }] });
    assert.equal(history.canRedo, false);
  });

  it('has nothing to undo at first, and ignores actions that changed nothing', () => {
    const history = new UndoStack();
    history.record({ description: 'nothing', changes: [] });
    assert.equal(history.undo(), undefined);
    assert.equal(history.redo(), undefined);
  });
});
