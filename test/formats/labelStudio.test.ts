/**
 * Label Studio's own JSON, as its documentation gives it (guide/task_format: the raw JSON of
 * annotated tasks; guide/predictions and guide/tasks: predictions with their score), with text
 * regions as the Labels tag writes them: fixtures/labelstudio-export.json follows the documented
 * example field by field, over a CRLF text with emoji, its region offsets counted in code points by
 * Python (as Label Studio's frontend counts them: test/labelStudioFrontend.e2e.ts), independently of
 * our conversion.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exportLabelStudio, importLabelStudio } from '../../server/src/core/formats/labelStudio';

const FIXTURE = path.join(__dirname, 'fixtures', 'labelstudio-export.json');
const fixtureText = readFileSync(FIXTURE, 'utf8');
const fixture = JSON.parse(fixtureText);

/** Code points start..end of a text, counted by iterating the string (not by our CodePointIndex). */
const codePointSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

describe('Label Studio export JSON, as documented, imported', () => {
  const result = importLabelStudio(fixtureText, 'labelstudio-export.json');

  it('reads every labels region as a tag at the same text, in code points', () => {
    assert.deepEqual(result.errors, []);
    const [first, second] = result.documents;
    assert.equal(first.text, fixture[0].data.text);
    assert.deepEqual(
      first.tags.map((tag) => [tag.text, tag.label, tag.start, tag.end, tag.status, tag.annotator, tag.score]),
      [
        ['Zoë', 'PERSON', 16, 19, 'accepted', 'labelstudio-user-10', undefined],
        ['Kyiv', 'GPE', 30, 34, 'accepted', 'labelstudio-user-10', undefined],
        ['Defense Ministry', 'ORG', 55, 71, 'accepted', 'labelstudio-user-10', undefined],
        ['2021', 'DATE', 44, 48, 'accepted', 'reviewer@example.org', undefined],
        ['café', 'FAC', 22, 26, 'proposed', 'model 1', 0.7],
        ['Kyiv', 'GPE', 30, 34, 'proposed', 'model 1', undefined],
      ],
    );
    for (const tag of first.tags) assert.equal(codePointSlice(first.text!, tag.start, tag.end), tag.text);
    assert.deepEqual([first.tags[0].id, first.tags[0].created, first.tags[0].modified], ['Dx_aB91ISN', '2021-03-09T22:16:08.728353Z', '2021-03-09T22:16:08.728378Z']);
    assert.deepEqual(second, { text: fixture[1].data.text, tags: [], line: result.documents[1].line });
    assert.equal(first.relations, undefined, 'the documented relation has no label: Marginalia relations are typed');
  });

  it('reads the documented relation once it has a type: between the regions it names, in their annotation', () => {
    const task = structuredClone(fixture[0]);
    task.annotations[0].result.find((found: { type: string }) => found.type === 'relation').labels = ['LOCATED_IN'];
    const [document] = importLabelStudio(JSON.stringify([task]), 'x.json').documents;
    assert.deepEqual(
      document.relations!.map((relation) => [relation.type, document.tags[relation.from].text, document.tags[relation.to].text, relation.status, relation.annotator]),
      [['LOCATED_IN', 'Zoë', 'Kyiv', 'accepted', 'labelstudio-user-10']],
    );
  });

  it('names what it does not carry: the relation without a type, the cancelled annotation and the choices', () => {
    assert.deepEqual(
      result.warnings.map((warning) => [warning.document, warning.line, warning.message]),
      [
        ['labelstudio-export.json', 2, 'task 1: annotation 1, result 4: a relation without a label (type) is not imported: Marginalia relations are typed'],
        ['labelstudio-export.json', 2, 'task 1: annotation 3 was cancelled (skipped) in Label Studio: not imported'],
        ['labelstudio-export.json', 2, 'task 1: 1 result(s) of type "choices" not carried (Marginalia keeps labelled spans only)'],
      ],
    );
  });

  it('a prediction\'s overall score stands for regions that have none of their own', () => {
    const task = structuredClone(fixture[0]);
    delete task.predictions[0].result[0].score;
    const tags = importLabelStudio(JSON.stringify([task]), 'x.json').documents[0].tags.filter((tag) => tag.status === 'proposed');
    assert.deepEqual(tags.map((tag) => tag.score), [0.5, 0.5]);
  });

  it('exported again, writes the same regions at the same code point offsets, in the documented shape', () => {
    const [document] = result.documents;
    const [task] = JSON.parse(exportLabelStudio([{ name: 'opossums.txt', text: document.text!, tags: document.tags }]).text);
    assert.deepEqual(task.data, { text: fixture[0].data.text, article: 'opossums.txt' });
    const regions = (items: Array<{ result: Array<Record<string, any>> }>) =>
      items.flatMap((item) => item.result.filter((region) => region.type === 'labels').map((region) => [region.id, region.from_name, region.to_name, region.value.start, region.value.end, region.value.labels]));
    const kept = fixture[0].annotations.filter((annotation: { was_cancelled: boolean }) => !annotation.was_cancelled);
    assert.deepEqual(regions(task.annotations), regions(kept));
    assert.deepEqual(regions(task.predictions), regions(fixture[0].predictions));
    assert.deepEqual(
      task.annotations.map((annotation: { completed_by: unknown }) => annotation.completed_by),
      [10, { email: 'reviewer@example.org' }],
    );
    assert.deepEqual([task.predictions[0].model_version, task.predictions[0].score], ['model 1', 0.7]);
  });
});
