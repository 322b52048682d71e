import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseProjectFile } from './projectFile';
import { describeReference, referenceDateFor } from './referenceDate';

/** The issues of a marginalia.json holding this "referenceDate", with the text each is placed on. */
function issuesOf(referenceDate: unknown): Array<{ message: string; at: string }> {
  const text = JSON.stringify({ referenceDate }, null, 2);
  const parsed = parseProjectFile(text, 'news/marginalia.json');
  if (parsed.ok) return [];
  assert.match(parsed.message, /^news\/marginalia\.json: referenceDate/, 'the message names the file and the key');
  return parsed.issues.map((issue) => ({ message: issue.message, at: text.slice(issue.start, issue.end) }));
}

describe('the reference date rule (marginalia.json "referenceDate")', () => {
  it('takes one date for the whole corpus', () => {
    assert.deepEqual(issuesOf('2024-03-02'), []);
    assert.deepEqual(referenceDateFor('2024-03-02', '2019/01/01/a.txt'), { reference: { date: '2024-03-02', from: 'project' } });
  });

  it('takes the date from the article\'s path, by numbered or named groups', () => {
    assert.deepEqual(referenceDateFor({ fromPath: '(\\d{4})/(\\d{2})/(\\d{2})' }, 'wire/2024/03/02/kovac.txt'), { reference: { date: '2024-03-02', from: 'path' } });
    assert.deepEqual(referenceDateFor({ fromPath: '(?<day>\\d{2})\\.(?<month>\\d{2})\\.(?<year>\\d{4})' }, 'archive/02.03.2024-kovac.txt'), { reference: { date: '2024-03-02', from: 'path' } });
    // A single-digit month or day, as some archives file them.
    assert.deepEqual(referenceDateFor({ fromPath: '(\\d{4})/(\\d{1,2})/(\\d{1,2})/' }, '2024/3/2/a.txt'), { reference: { date: '2024-03-02', from: 'path' } });
  });

  it('gives none, and no problem, for a path the pattern does not match', () => {
    assert.deepEqual(referenceDateFor({ fromPath: '(\\d{4})/(\\d{2})/(\\d{2})' }, 'drafts/kovac.txt'), {});
    assert.deepEqual(referenceDateFor(undefined, '2024/03/02/a.txt'), {});
  });

  it('says so when the path gives a day that does not exist, and gives no date', () => {
    const found = referenceDateFor({ fromPath: '(\\d{4})/(\\d{2})/(\\d{2})' }, '2024/02/30/a.txt');
    assert.equal(found.reference, undefined);
    assert.equal(found.problem, 'referenceDate.fromPath in marginalia.json reads 2024-02-30 from the path 2024/02/30/a.txt, which is not a real day: relative dates are left without a value');
    assert.equal(describeReference(found.reference, found.unrealDay), 'no reference date: value left relative; the path gives 2024-02-30, not a real day');
  });

  it('refuses a date that does not exist, on its value', () => {
    assert.deepEqual(issuesOf('2024-02-30'), [{ message: 'referenceDate: 2024-02-30 is not a real day (a date as YYYY-MM-DD, such as 2024-03-02)', at: '"2024-02-30"' }]);
    assert.deepEqual(issuesOf('March 2, 2024'), [{ message: 'referenceDate: "March 2, 2024" is not a date as YYYY-MM-DD, such as 2024-03-02', at: '"March 2, 2024"' }]);
  });

  it('refuses a pattern that is not a regular expression, or that does not capture a date, on the pattern', () => {
    const [bad] = issuesOf({ fromPath: '(\\d{4}/(\\d{2})' });
    assert.match(bad!.message, /^referenceDate\.fromPath: not a regular expression \(.*\)$/);
    assert.equal(bad!.at, JSON.stringify('(\\d{4}/(\\d{2})'));
    assert.deepEqual(issuesOf({ fromPath: '(\\d{4})/(\\d{2})' }).map((issue) => issue.message), [
      'referenceDate.fromPath: needs three groups, year, month and day in that order, or groups named year, month and day',
    ]);
    assert.deepEqual(issuesOf({ fromPath: '(?<year>\\d{4})/(?<month>\\d{2})' }).map((issue) => issue.message), [
      'referenceDate.fromPath: names the group year and month but no group day',
    ]);
    // A misspelt key: shown on itself, and the missing fromPath on the object that lacks it.
    assert.deepEqual(issuesOf({ fromPat: 'x' }).map(({ message, at }) => [message, at.replace(/\s+/g, ' ')]), [
      ['referenceDate.fromPath: Invalid input: expected string, received undefined', '{ "fromPat": "x" }'],
      ['referenceDate.fromPat: unknown key "fromPat" (known: fromPath)', '"fromPat"'],
    ]);
    assert.deepEqual(issuesOf(5).map((issue) => issue.message), ['referenceDate: a date as YYYY-MM-DD, or { "fromPath": "a regular expression" }']);
  });

  it('words which reference a date\'s value was resolved against, for hovers', () => {
    assert.equal(describeReference({ date: '2024-03-02', from: 'path' }), 'relative to 2024-03-02, taken from the path');
    assert.equal(describeReference({ date: '2024-03-02', from: 'article' }), 'relative to 2024-03-02, stated in the article');
    assert.equal(describeReference({ date: '2024-03-02', from: 'project' }), 'relative to 2024-03-02, the corpus\'s referenceDate (marginalia.json)');
    assert.equal(describeReference({ date: '2024-03-02', from: 'command line' }), 'relative to 2024-03-02, given by --reference-date');
    assert.equal(describeReference(undefined), 'no reference date: value left relative');
  });
});
