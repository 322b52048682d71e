import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { agreement } from '../agreement';
import { newTag, type Tag } from '../sidecar';
import { corpusReport, type ReportDocument } from './corpusReport';
import { csvField, REPORT_CSV_COLUMNS, reportCsv } from './reportCsv';

const TEXT = 'President Volodymyr Zelensky met NATO officials in Brussels on Monday.\n';
const NOW = new Date('2025-01-06T09:00:00.000Z');
const tagOn = (words: string, label: string, annotator: string, status: Tag['status'] = 'accepted') => {
  const start = TEXT.indexOf(words);
  return newTag({ text: TEXT, start, end: start + words.length, label, source: 'manual', status, annotator, now: NOW });
};
const COLORS: Record<string, string> = { PERSON: '#e0568a', ORG: '#4f8fe6', GPE: '#2fa37a' };
const colorOf = (label: string) => COLORS[label] ?? '#9e9e9e';

const pair: ReportDocument[] = [
  { name: 'a.txt', text: TEXT, tags: [tagOn('Volodymyr Zelensky', 'PERSON', 'ann'), tagOn('Zelensky', 'PERSON', 'bob', 'approved'), tagOn('NATO', 'ORG', 'ann'), tagOn('NATO', 'ORG', 'bob', 'rejected'), tagOn('Brussels', 'GPE', 'bob')] },
  { name: 'b.txt', text: TEXT, tags: [tagOn('NATO', 'ORG', 'ann', 'approved'), tagOn('NATO', 'ORG', 'bob'), tagOn('Monday', 'DATE', 'tool', 'proposed')] },
];

describe('corpus report', () => {
  it('counts tags per label by review state, most used label first, in the label set’s colours', () => {
    const { labels } = corpusReport(pair, { colorOf });
    assert.deepEqual(labels.map(({ label, total, color }) => [label, total, color]), [['ORG', 4, '#4f8fe6'], ['PERSON', 2, '#e0568a'], ['DATE', 1, '#9e9e9e'], ['GPE', 1, '#2fa37a']]);
    assert.deepEqual(labels[0].counts, { proposed: 0, accepted: 2, approved: 1, rejected: 1, orphaned: 0, conflict: 0 });
  });

  it('gives review progress per article and overall', () => {
    const { progress } = corpusReport(pair, { colorOf });
    assert.deepEqual(progress.articles.map(({ name, reviewed, total, percent }) => [name, reviewed, total, percent]), [['a.txt', 2, 5, 40], ['b.txt', 1, 3, 33]]);
    assert.deepEqual([progress.overall.reviewed, progress.overall.total, progress.overall.percent, progress.overall.counts.proposed], [3, 8, 37, 1]);
  });

  it('measures agreement exactly as the agreement core does, with the only two annotators by default', () => {
    const report = corpusReport(pair, { colorOf });
    assert.deepEqual(report.annotators, ['ann', 'bob']);
    assert.ok(report.agreement.measured);
    const { measured, excluded, ...figures } = report.agreement;
    assert.deepEqual(figures, agreement(pair, 'ann', 'bob'));
    assert.deepEqual(excluded, []);
  });

  it('counts a tag whose text moved as orphaned, and leaves its article out of agreement, saying why', () => {
    const edited = { name: 'edited.txt', text: TEXT.replace('NATO', 'OTAN'), tags: pair[0].tags };
    const report = corpusReport([edited, pair[1]], { colorOf });
    assert.equal(report.progress.articles[0].counts.orphaned, 2);
    assert.equal(report.labels.find((label) => label.label === 'ORG')?.counts.orphaned, 2);
    assert.ok(report.agreement.measured);
    assert.deepEqual(report.agreement.excluded, [{ file: 'edited.txt', problem: '2 tags do not match the article at its offsets (run marginalia check)' }]);
    assert.deepEqual(report.agreement.documents.map((document) => document.name), ['b.txt']);
  });

  it('says why agreement is missing: one annotator, several to pick from, or one named without tags', () => {
    const reason = (documents: ReportDocument[], annotators?: [string, string]) => {
      const { agreement: section } = corpusReport(documents, { colorOf, annotators });
      return section.measured ? 'measured' : section.reason;
    };
    assert.equal(reason([{ name: 'a.txt', text: TEXT, tags: [tagOn('NATO', 'ORG', 'ann')] }]), 'agreement needs two annotators with accepted tags; found only ann');
    const trio = [{ name: 'a.txt', text: TEXT, tags: [tagOn('NATO', 'ORG', 'ann'), tagOn('NATO', 'ORG', 'bob'), tagOn('NATO', 'ORG', 'carol')] }];
    assert.equal(reason(trio), '3 annotators have accepted tags (ann, bob, carol); pick two to compare');
    assert.equal(reason(trio, ['bob', 'carol']), 'measured');
    assert.equal(reason(pair, ['ann', 'dan']), 'no accepted tags by dan (annotators found: ann, bob)');
    const apart = [{ name: 'a.txt', text: TEXT, tags: [tagOn('NATO', 'ORG', 'ann')] }, { name: 'b.txt', text: TEXT, tags: [tagOn('NATO', 'ORG', 'bob')] }];
    assert.equal(reason(apart), 'no article has tags by both ann and bob');
  });
});

describe('report as CSV', () => {
  it('is one long table: section, article, label, measure, value', () => {
    const csv = reportCsv(corpusReport(pair, { colorOf }));
    const rows = parseCsv(csv);
    assert.deepEqual(rows[0], [...REPORT_CSV_COLUMNS]);
    const value = (section: string, article: string, label: string, measure: string) => rows.find((row) => row.slice(0, 4).join('|') === [section, article, label, measure].join('|'))?.[4];
    assert.equal(value('labels', '', 'ORG', 'approved'), '1');
    assert.equal(value('labels', '', 'ORG', 'total'), '4');
    assert.equal(value('progress', '', '', 'percent'), '37');
    assert.equal(value('progress', 'b.txt', '', 'reviewed'), '1');
    const figures = agreement(pair, 'ann', 'bob');
    assert.equal(value('agreement', '', '', 'kappa'), String(figures.corpus.overall.kappa));
    assert.equal(value('agreement', '', 'ORG', 'exact_f1'), String(figures.corpus.byLabel.ORG.exact.f1));
    assert.equal(value('agreement', 'a.txt', 'PERSON', 'overlap_f1'), String(figures.documents[0].byLabel.PERSON.overlap.f1));
    assert.equal(value('agreement', '', '', 'claims:bob'), '3');
    assert.ok(csv.endsWith('\r\n') && !/[^\r]\n/.test(csv), 'CRLF line ends');
  });

  it('quotes names holding commas, quotes or line breaks, so that every row keeps five fields', () => {
    const awkward = [{ ...pair[0], name: 'Kyiv, "the capital"\nnotes.txt' }];
    const report = corpusReport(awkward, { colorOf });
    const rows = parseCsv(reportCsv({ ...report, unreadable: [{ file: 'x.annotations.json', problem: 'not valid JSON (Unexpected token, at 3)' }] }));
    assert.ok(rows.every((row) => row.length === 5), 'five fields in every row');
    assert.ok(rows.some((row) => row[1] === 'Kyiv, "the capital"\nnotes.txt'));
    assert.deepEqual(rows.at(-1), ['unreadable', 'x.annotations.json', '', 'problem', 'not valid JSON (Unexpected token, at 3)']);
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a "quote"'), '"a ""quote"""');
    assert.equal(csvField(' edge'), '" edge"');
    assert.equal(csvField(-0.25), '-0.25');
  });

  it('says why agreement is missing in a row of its own', () => {
    const rows = parseCsv(reportCsv(corpusReport([{ name: 'a.txt', text: TEXT, tags: [tagOn('NATO', 'ORG', 'ann')] }], { colorOf })));
    assert.deepEqual(rows.find((row) => row[0] === 'agreement'), ['agreement', '', '', 'unavailable', 'agreement needs two annotators with accepted tags; found only ann']);
  });
});

/** RFC 4180, strictly: what a spreadsheet or Python's csv module reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') row.push(field), (field = '');
    else if (character === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += character;
  }
  return rows;
}
