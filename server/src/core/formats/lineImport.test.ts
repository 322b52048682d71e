import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { importConll } from './conllImport';
import { ConllLinesImporter, importLines, JsonLinesImporter } from './lineImport';
import { importJsonlLine } from './spacyJsonl';

describe('reading a line at a time, as the CLI streams a file', () => {
  const conll = ['-DOCSTART- O', '', 'Zelensky B-PERSON', 'visited O', 'Kyiv B-GPE', '', 'NATO B-ORG', 'met O', '', '-DOCSTART- O', '', 'Lviv I-GPE', 'I-'];
  for (const [name, breakWith] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR alone', '\r']] as const) {
    it(`reads CoNLL broken with ${name} as importConll reads the whole text: documents, lines, errors`, () => {
      const text = conll.join(breakWith) + breakWith;
      const whole = importConll(text, 'in.conll');
      const streamed = importLines(new ConllLinesImporter('in.conll'), text);
      assert.deepEqual(streamed.documents, whole.documents);
      assert.deepEqual(streamed.errors, whole.errors);
      assert.deepEqual(streamed.warnings, whole.warnings);
      assert.equal(whole.documents.length, 2);
      assert.deepEqual(whole.errors.map((error) => error.line), [13]);
    });
  }

  it('lists the first 100 bad JSON lines and counts the rest, so garbage cannot fill the memory with messages', () => {
    const importer = new JsonLinesImporter((line) => importJsonlLine(line, 'in.jsonl'));
    const text = '\uFEFF{"text": "Kyiv", "spans": []}\r\n' + 'not json\n'.repeat(150);
    const read = importLines(importer, text);
    assert.equal(read.documents.length, 1);
    assert.equal(read.documents[0].line, 1);
    assert.equal(read.errors.length, 101);
    assert.deepEqual([read.errors[0].line, read.errors[99].line], [2, 101]);
    assert.equal(read.errors[100].message, '50 more problems in later lines (the first 100 are listed)');
  });
});
