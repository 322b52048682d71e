/** The report webview's page and charts, and where a reviewer starts in an article: pure client code. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { corpusReport, type ReportDocument } from '../server/src/core/report/corpusReport';
import { newTag, type Tag } from '../server/src/core/sidecar';
import { MAX_PROGRESS_ROWS, niceTicks, progressChart } from '../src/report/charts';
import { reportHtml } from '../src/report/reportHtml';
import { firstToReview } from '../src/firstToReview';

const TEXT = 'President Volodymyr Zelensky met NATO officials in Brussels on Monday.\n';
const tagOn = (words: string, label: string, annotator: string, status: Tag['status'] = 'accepted') => {
  const start = TEXT.indexOf(words);
  return newTag({ text: TEXT, start, end: start + words.length, label, source: 'manual', status, annotator });
};
const documents: ReportDocument[] = [
  { name: 'kyiv/<b>"a".txt', text: TEXT, tags: [tagOn('Zelensky', 'PERSON', 'ann'), tagOn('Zelensky', 'PERSON', 'bob', 'approved'), tagOn('NATO', 'ORG', 'ann'), tagOn('Brussels', 'GPE', 'bob', 'rejected')] },
];
const colorOf = (label: string) => ({ PERSON: '#e0568a', ORG: '#4f8fe6' })[label] ?? '#9e9e9e';
const SECURITY = { nonce: 'n0nce', cspSource: 'https://extension.example' };

describe('report page', () => {
  const html = reportHtml(corpusReport(documents, { colorOf }), SECURITY);

  it('allows nothing but its own nonce’d style and script, and images from the extension or data:', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(policy, "default-src 'none'; img-src https://extension.example data:; style-src 'nonce-n0nce'; script-src 'nonce-n0nce';");
    assert.equal((html.match(/<style/g) ?? []).length, (html.match(/<style nonce="n0nce">/g) ?? []).length);
    assert.equal((html.match(/<script/g) ?? []).length, (html.match(/<script nonce="n0nce">/g) ?? []).length);
    assert.doesNotMatch(html, /\sstyle="/, 'no inline style attributes: the policy would block them');
    assert.deepEqual([...new Set(html.match(/https?:\/\/[^\s"')]+/g))], ['https://extension.example', 'http://www.w3.org/2000/svg'], 'nothing remote');
  });

  it('draws three charts: tags per label, agreement per label, review progress', () => {
    assert.equal((html.match(/<svg class="chart"/g) ?? []).length, 3);
    assert.match(html, /aria-label="Tags per label by review state"/);
    assert.match(html, /aria-label="Agreement of ann and bob per label"/);
    assert.match(html, /aria-label="Review progress per article"/);
    assert.match(html, /fill="#e0568a"/, 'the label set’s colour');
    assert.match(html, /class="state-approved"><title>PERSON: 1 approved<\/title>/);
  });

  it('draws relation agreement per type, with its figures as a table and in the CSV, when annotators made relations', async () => {
    const { reportCsv } = await import('../server/src/core/report/reportCsv');
    const ann = [tagOn('Zelensky', 'PERSON', 'ann'), tagOn('NATO', 'ORG', 'ann')];
    const bob = [tagOn('Zelensky', 'PERSON', 'bob'), tagOn('NATO', 'ORG', 'bob')];
    const relation = (id: string, from: Tag, to: Tag) => ({ id, type: 'PART_OF', from: from.id, to: to.id, status: 'accepted' as const, source: 'manual' as const, annotator: from.annotator, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' });
    const report = corpusReport([{ name: 'a.txt', text: TEXT, tags: [...ann, ...bob], relations: [relation('r-1', ann[0]!, ann[1]!), relation('r-2', bob[0]!, bob[1]!)] }], { colorOf });
    const page = reportHtml(report, SECURITY);
    assert.match(page, /aria-label="Agreement of ann and bob per relation type"/);
    assert.match(page, /<title>PART_OF, relation F1, exact: 1\.000<\/title>/);
    assert.match(page, /<tr class=""><td>PART_OF<\/td><td>1<\/td><td>1<\/td><td>1\.000<\/td><td>1\.000<\/td><\/tr>/);
    assert.match(reportCsv(report), /\r\nrelation_agreement,,PART_OF,exact_f1,1\r\n/);
  });

  it('escapes names from files, so that none can inject markup', () => {
    assert.doesNotMatch(html, /<b>"a"/);
    assert.match(html, /kyiv\/&#60;b&#62;&#34;a&#34;\.txt/);
  });

  it('says why agreement is missing instead of drawing it', () => {
    const alone = reportHtml(corpusReport([{ ...documents[0], tags: [tagOn('NATO', 'ORG', 'ann')] }], { colorOf }), SECURITY);
    assert.equal((alone.match(/<svg class="chart"/g) ?? []).length, 2);
    assert.match(alone, /<p class="notice">Agreement needs two annotators with accepted tags; found only ann\.<\/p>/);
  });

  it('offers to pick other annotators only when there are more than two', () => {
    assert.doesNotMatch(html, /data-action="pickAnnotators"/);
    const trio = [{ ...documents[0], tags: [...documents[0].tags, tagOn('NATO', 'ORG', 'carol')] }];
    assert.match(reportHtml(corpusReport(trio, { colorOf, annotators: ['ann', 'bob'] }), SECURITY), /data-action="pickAnnotators"/);
  });
});

describe('charts', () => {
  it('puts about five round ticks on a count axis', () => {
    assert.deepEqual(niceTicks(425), [0, 100, 200, 300, 400, 500]);
    assert.deepEqual(niceTicks(3), [0, 1, 2, 3]);
    assert.deepEqual(niceTicks(0), [0, 1]);
  });

  it('draws at most a few hundred articles and says how many more the data holds', () => {
    const many = Array.from({ length: MAX_PROGRESS_ROWS + 5 }, (_, index) => ({ ...documents[0], name: `a${index}.txt` }));
    const chart = progressChart(corpusReport(many, { colorOf }).progress);
    assert.equal((chart.match(/class="track"/g) ?? []).length, MAX_PROGRESS_ROWS + 1, 'the corpus and the first articles');
    assert.match(chart, /… and 5 more articles not shown here, all in the exported data/);
  });

  it("shows one page of a large corpus's articles, says how many are not shown, and offers the pages around it", () => {
    const report = corpusReport(documents, { colorOf });
    const page = reportHtml({ ...report, page: { offset: 200, limit: 200, articles: 1000, compared: 900 }, progress: { ...report.progress, articles: Array.from({ length: 200 }, (_, index) => ({ ...report.progress.articles[0]!, name: `a${index}.txt` })) } }, SECURITY);
    assert.match(page, /Articles 201–400 of 1,000, most tags to review first; 800 not shown\./);
    assert.match(page, /data-action="previousPage"/);
    assert.match(page, /data-action="nextPage"/);
    assert.match(page, /… and 600 more articles not shown here/);
    assert.match(page, /1,000 articles ·/);
  });
});

describe('first item to review', () => {
  const item = (start: number, state: 'suggested' | 'tagged' | 'approved' | 'proposed' | 'rejected' | 'conflict') => ({ start, end: start + 3, label: 'ORG', state });

  it('is the first tag nobody has reviewed, even after a suggestion', () => {
    assert.deepEqual(firstToReview([item(40, 'tagged'), item(5, 'suggested'), item(1, 'approved'), item(30, 'conflict')]), item(30, 'conflict'));
  });

  it('else the first suggestion, else nothing', () => {
    assert.deepEqual(firstToReview([item(9, 'suggested'), item(1, 'approved'), item(4, 'suggested')]), item(4, 'suggested'));
    assert.equal(firstToReview([item(1, 'rejected')]), undefined);
  });
});
