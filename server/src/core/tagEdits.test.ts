import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newTag, SIDECAR_VERSION, type Sidecar } from './sidecar';
import { applyEdit, invertEdit, modifiedTag } from './tagEdits';
import { TagHistory } from './tagHistory';

const text = 'President Volodymyr Zelensky met NATO officials.';
const person = newTag({ text, start: 10, end: 28, label: 'PERSON', source: 'suggestion', annotator: 'olena' });
const nato = newTag({ text, start: 33, end: 37, label: 'ORG', source: 'manual', annotator: 'olena' });
const empty = (): Sidecar => ({ version: SIDECAR_VERSION, article: 'a.txt', annotations: [] });

describe('tag edits', () => {
  it('add, change and remove tags by id', () => {
    const sidecar = empty();
    applyEdit(sidecar, { description: 'tag', changes: [{ after: person }, { after: nato }] });
    assert.equal(sidecar.annotations.length, 2);
    const relabelled = modifiedTag(nato, { label: 'NORP' });
    applyEdit(sidecar, { description: 'relabel', changes: [{ before: nato, after: relabelled }] });
    assert.equal(sidecar.annotations.find((tag) => tag.id === nato.id)?.label, 'NORP');
    applyEdit(sidecar, { description: 'remove', changes: [{ before: person }] });
    assert.deepEqual(sidecar.annotations.map((tag) => tag.id), [nato.id]);
  });

  it('undo exactly what they did, and redo it again', () => {
    const sidecar = empty();
    const edit = { description: 'tag', changes: [{ after: person }] };
    applyEdit(sidecar, edit);
    applyEdit(sidecar, invertEdit(edit));
    assert.deepEqual(sidecar.annotations, []);
    applyEdit(sidecar, edit);
    assert.deepEqual(sidecar.annotations, [person]);
  });

  it('skip, and report, a change to a tag that someone else changed meanwhile', () => {
    const sidecar = empty();
    sidecar.annotations.push(modifiedTag(person, { label: 'ORG' }));
    const skipped = applyEdit(sidecar, { description: 'remove', changes: [{ before: person }] });
    assert.equal(skipped.length, 1);
    assert.equal(sidecar.annotations[0].label, 'ORG');
  });
});

describe('tag history', () => {
  it('undoes the last action first and forgets redo after a new action', () => {
    const history = new TagHistory();
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
    const history = new TagHistory();
    history.record({ description: 'nothing', changes: [] });
    assert.equal(history.undo(), undefined);
    assert.equal(history.redo(), undefined);
  });
});
