import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { documentArbitrary, seedDocuments, trickyDocument } from '../../../../test/formats/formatArbitraries';
import { LabelStudioWriter, exportLabelStudio, importLabelStudio, labelStudioConfig } from './labelStudio';
import { DEFAULT_LABEL_SET } from '../project/labelSet';
import type { ExportDocument, FormatTag } from './types';

/** What Label Studio carries of a tag: span, text, label, annotator, status (approved reads back accepted), a proposal's score, the id. */
const carried = (tag: FormatTag) => ({
  id: tag.id,
  start: tag.start,
  end: tag.end,
  text: tag.text,
  label: tag.label,
  annotator: tag.annotator,
  status: tag.status === 'approved' ? 'accepted' : tag.status,
  ...(tag.status === 'proposed' && tag.score !== undefined ? { score: tag.score } : {}),
});
const byPlace = (a: { start: number; end: number; label: string; id?: string }, b: typeof a) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label) || (a.id ?? '').localeCompare(b.id ?? '');

function roundTrip(documents: ExportDocument[]) {
  const exported = exportLabelStudio(documents);
  const imported = importLabelStudio(exported.text, 'tasks.json');
  assert.deepEqual(imported.errors, []);
  assert.deepEqual(imported.warnings, []);
  assert.deepEqual(
    imported.documents.map((document) => ({ name: document.name, text: document.text, tags: document.tags.map(carried).sort(byPlace) })),
    documents.map((document) => ({ name: document.name, text: document.text, tags: document.tags.filter((tag) => tag.status !== 'rejected').map(carried).sort(byPlace) })),
  );
  return exported;
}

describe('Label Studio export', () => {
  it('counts regions in code points, as Label Studio\'s frontend does (test/labelStudioFrontend.e2e.ts), after emoji, a flag and combining marks', () => {
    const document = trickyDocument();
    const [task] = JSON.parse(exportLabelStudio([document]).text);
    assert.deepEqual(task.data, { text: document.text, article: 'tricky.txt' });
    const kyiv = task.annotations.flatMap((annotation: { result: unknown[] }) => annotation.result).find((result: { id: string }) => result.id === 't-3');
    // 22 code points before "Kyiv" (25 UTF-16 units: the emoji takes 2, the flag 4): written as 22.
    assert.deepEqual(kyiv.value, { start: 22, end: 26, text: 'Kyiv', labels: ['GPE'] });
    assert.equal(Array.from(document.text).slice(kyiv.value.start, kyiv.value.end).join(''), 'Kyiv');
    assert.deepEqual({ from: kyiv.from_name, to: kyiv.to_name, type: kyiv.type }, { from: 'label', to: 'text', type: 'labels' });
  });

  it('groups people\'s tags into one annotation an annotator, with completed_by, and proposals into one prediction a tool, with scores', () => {
    const [task] = JSON.parse(exportLabelStudio([trickyDocument()]).text);
    assert.deepEqual(
      task.annotations.map((annotation: { completed_by: unknown; result: Array<{ id: string }> }) => [annotation.completed_by, annotation.result.map((result) => result.id)]),
      [
        [{ email: 'ann' }, ['t-1', 't-3', 't-4']],
        [{ email: 'bob@example.org' }, ['t-5']],
      ],
    );
    assert.equal(task.predictions.length, 1);
    assert.equal(task.predictions[0].model_version, 'model-x');
    assert.equal(task.predictions[0].score, 0.75);
    assert.equal(task.predictions[0].result[0].score, 0.75);
    assert.equal(new Set([...task.annotations, ...task.predictions].map((item: { id: number }) => item.id)).size, 3, 'distinct ids');
  });

  it('names what it cannot say: rejected tags, approved states, history, annotators that are not emails, text no longer there', () => {
    const document: ExportDocument = {
      name: 'a.txt',
      text: 'Umerov said',
      tags: [
        { id: 'r', start: 0, end: 6, text: 'Umerov', label: 'PERSON', status: 'rejected', annotator: 'x@y.z' },
        { id: 'a', start: 0, end: 6, text: 'Umerov', label: 'PERSON', status: 'approved', annotator: 'x@y.z', history: [{ at: '2024-01-01T00:00:00.000Z', by: 'rev', action: 'approved' }] },
        { id: 'g', start: 7, end: 11, text: 'sayd', label: 'EVENT', status: 'accepted', annotator: 'ann' },
        { id: 'h', start: 7, end: 11, text: 'said', label: 'EVENT', status: 'accepted', annotator: 'ann' },
      ],
    };
    const { notices } = exportLabelStudio([document]);
    assert.equal(notices.length, 5);
    assert.ok(notices.every((notice) => notice.document === 'a.txt'));
    assert.match(notices[0].message, /^tag r PERSON "Umerov": Label Studio has no place for a rejected tag/);
    assert.match(notices[1].message, /^tag g EVENT "sayd": the article reads "said"/);
    assert.match(notices[2].message, /1 approved tag/);
    assert.match(notices[3].message, /review history and comments of 1 tag/);
    assert.match(notices[4].message, /annotator "ann" is not an email address/);
  });

  it('streams: header, documents and footer written apart make the same file as the whole export', () => {
    const documents = [trickyDocument(), { name: 'empty.txt', text: '', tags: [] }, { ...trickyDocument(), name: 'b.txt' }];
    const writer = new LabelStudioWriter();
    const streamed = writer.header() + documents.map((document) => writer.document(document).text).join('') + writer.footer();
    assert.equal(streamed, exportLabelStudio(documents).text);
    assert.equal(streamed.trimEnd().split('\n').length, documents.length + 2, 'one task a line');
    assert.deepEqual(JSON.parse(exportLabelStudio([]).text), []);
  });
});

describe('Label Studio labelling config', () => {
  it('lists every label with its colour in the named-entity template', () => {
    const config = labelStudioConfig(DEFAULT_LABEL_SET);
    assert.match(config, /^<View>\n {2}<Labels name="label" toName="text">\n {4}<Label value="PERSON" background="#e0568a"\/>\n/);
    assert.match(config, / {2}<\/Labels>\n {2}<Text name="text" value="\$text"\/>\n<\/View>\n$/);
    assert.equal(config.match(/<Label /g)?.length, DEFAULT_LABEL_SET.length);
  });

  it('escapes names and colours for XML', () => {
    const config = labelStudioConfig([{ name: 'A&B<"C">\'', color: 'red" onload="x' }, { name: 'PLAIN' }]);
    assert.match(config, /<Label value="A&amp;B&lt;&quot;C&quot;&gt;&apos;" background="red&quot; onload=&quot;x"\/>/);
    assert.match(config, /<Label value="PLAIN"\/>/);
  });
});

describe('Label Studio round trip', () => {
  it('gives back the tags of a CRLF article with emoji and combining marks', () => {
    roundTrip([trickyDocument()]);
  });

  it('gives back the detector\'s tags over the seeds', () => {
    roundTrip(seedDocuments());
  });

  it('gives back generated tags (span, label, annotator, status, a proposal\'s score)', () => {
    fc.assert(
      fc.property(fc.array(documentArbitrary, { maxLength: 3 }), (documents) => {
        roundTrip(documents.map(({ tags, ...rest }) => ({ ...rest, tags: tags.map(({ history: _history, ...tag }) => tag) })));
      }),
      { numRuns: 150 },
    );
  });
});

describe('Label Studio import of bad input', () => {
  const task = (value: Record<string, unknown>, text = 'Zoë 😀 in Kyiv') => ({ data: { text }, annotations: [{ completed_by: 1, result: [{ id: 'r1', from_name: 'label', to_name: 'text', type: 'labels', value }] }] });
  const read = (tasks: unknown[]) => importLabelStudio(JSON.stringify(tasks, null, 1), 'in.json');

  it('names the file and line of a JSON syntax error', () => {
    const result = importLabelStudio('[\n{"data": {"text": "a"}},\n{"data": ]\n', 'in.json');
    assert.deepEqual([result.errors[0].document, result.errors[0].line], ['in.json', 3]);
  });

  it('names the task and line of offsets past the end or reversed, or text that does not match', () => {
    const result = read([
      task({ start: 0, end: 3, text: 'Zoë', labels: ['PERSON'] }),
      task({ start: 9, end: 99, labels: ['GPE'] }),
      task({ start: 6, end: 4, labels: ['X'] }),
      task({ start: 9, end: 13, text: 'Kiev', labels: ['GPE'] }),
      task({ start: 9, end: 13, text: 'Kyiv', labels: [] }),
      { text: 'no data' },
    ]);
    assert.deepEqual(result.documents.length, 1);
    assert.deepEqual(result.documents[0].tags, [{ id: 'r1', start: 0, end: 3, text: 'Zoë', label: 'PERSON', status: 'accepted', annotator: 'labelstudio-user-1' }]);
    assert.deepEqual(
      result.errors.map((error) => [error.document, /^task (\d)/.exec(error.message)?.[1]]),
      [
        ['in.json', '2'],
        ['in.json', '3'],
        ['in.json', '4'],
        ['in.json', '5'],
        ['in.json', '6'],
      ],
    );
    const lines = result.errors.map((error) => error.line ?? 0);
    assert.ok(lines.every((line, index) => line > (lines[index - 1] ?? 1)), `a line for each task, in order: ${lines}`);
    assert.match(result.errors[0].message, /end 99 is past the end of the text \(13 characters\)/);
    assert.match(result.errors[1].message, /expected offsets 0 <= start < end, found start 6, end 4/);
    assert.match(result.errors[2].message, /value\.text "Kiev" does not match the task's text at 9\.\.13, "Kyiv"/);
    assert.match(result.errors[3].message, /value\.labels/);
    assert.match(result.errors[4].message, /expected an object with "data"/);
  });

  it('reads a region whose offsets count UTF-16 units, as Label Studio\'s frontend sometimes writes them, by its text, and names it', () => {
    const result = read([task({ start: 10, end: 14, text: 'Kyiv', labels: ['GPE'] })]);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.documents[0].tags.map((tag) => [tag.start, tag.end, tag.text]), [[9, 13, 'Kyiv']]);
    assert.match(result.warnings[0].message, /value\.text "Kyiv" is not at 10\.\.14 but 1 characters before.*read at 9\.\.13/);
  });

  it('gives each task the line where it starts', () => {
    const text = exportLabelStudio([trickyDocument(), { ...trickyDocument(), name: 'b.txt' }]).text;
    assert.deepEqual(importLabelStudio(text, 'x.json').documents.map((document) => document.line), [2, 3]);
  });

  it('refuses what is not a list of tasks', () => {
    assert.match(importLabelStudio('{"hello": 1}', 'x.json').errors[0].message, /array of tasks/);
  });
});
