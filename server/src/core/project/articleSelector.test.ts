import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ArticleSelector } from './articleSelector';

const files = (entries: Record<string, string>) => (file: string) => entries[file];

describe('which files are articles', () => {
  it('by default, the .txt files under seeds/ of a workspace folder', () => {
    const selector = new ArticleSelector(['/work'], undefined, files({}));
    assert.ok(selector.isArticle('/work/seeds/000.txt'));
    assert.ok(selector.isArticle('/work/seeds/2024/a.txt'));
    assert.ok(!selector.isArticle('/work/notes.txt'));
    assert.ok(!selector.isArticle('/work/seeds/000.annotations.json'));
    assert.ok(!selector.isArticle('/elsewhere/seeds/000.txt'));
  });

  it('every .txt file below a folder holding a marginalia.json', () => {
    const selector = new ArticleSelector(['/work'], undefined, files({ '/work/corpus/marginalia.json': '{}' }));
    assert.ok(selector.isArticle('/work/corpus/a.txt'));
    assert.ok(selector.isArticle('/work/corpus/deep/b.txt'));
    assert.ok(!selector.isArticle('/work/other/c.txt'));
  });

  it('only what the project file includes and does not exclude', () => {
    const project = '{"articles":["news/**/*.txt"],"exclude":["news/drafts/**"]}';
    const selector = new ArticleSelector(['/work'], undefined, files({ '/work/marginalia.json': project }));
    assert.ok(selector.isArticle('/work/news/a.txt'));
    assert.ok(!selector.isArticle('/work/news/drafts/b.txt'));
    assert.ok(!selector.isArticle('/work/README.txt'));
  });

  it('the globs from the settings, relative to each workspace folder', () => {
    const selector = new ArticleSelector(['/a', '/b'], ['corpus/*.txt'], files({}));
    assert.ok(selector.isArticle('/b/corpus/x.txt'));
    assert.ok(!selector.isArticle('/b/seeds/x.txt'));
  });

  it('reports a broken project file rather than guessing', () => {
    const selector = new ArticleSelector(['/work'], undefined, files({ '/work/c/marginalia.json': '{"labels": 3}' }));
    assert.ok(!selector.isArticle('/work/c/a.txt'));
    assert.match(selector.projectOf('/work/c/a.txt').problem ?? '', /marginalia\.json: labels/);
  });

  it('keeps the last good version of a project file while it is broken, and says what is wrong where', () => {
    const entries: Record<string, string> = { '/work/c/marginalia.json': '{"labels":{"WEAPON":{"kind":"entity","guideline":"arms"}}}' };
    const selector = new ArticleSelector(['/work'], undefined, files(entries));
    assert.equal(selector.projectOf('/work/c/a.txt').project?.file.labels?.WEAPON?.guideline, 'arms');
    entries['/work/c/marginalia.json'] = '{"labels":{"WEAPON":{"kind":"entity","guideline":"arms"}},"lables":{}}';
    selector.forgetProjects();
    const lookup = selector.projectOf('/work/c/a.txt');
    assert.ok(selector.isArticle('/work/c/a.txt'), 'still a corpus');
    assert.equal(lookup.project?.file.labels?.WEAPON?.guideline, 'arms', 'the last good labels and guidelines');
    assert.match(lookup.problem ?? '', /lables/);
    assert.equal(lookup.broken?.file, '/work/c/marginalia.json');
    assert.equal(lookup.broken?.keptLastGood, true);
    const issue = lookup.broken!.issues[0]!;
    assert.equal(entries['/work/c/marginalia.json'].slice(issue.start, issue.end), '"lables"');
    entries['/work/c/marginalia.json'] = '{}';
    selector.forgetProjects();
    assert.equal(selector.projectOf('/work/c/a.txt').problem, undefined, 'fixed: no problem, the new version in force');
    assert.equal(selector.projectOf('/work/c/a.txt').project?.file.labels, undefined);
  });

  it('notices a project file created later once told to forget', () => {
    const entries: Record<string, string> = {};
    const selector = new ArticleSelector(['/work'], undefined, files(entries));
    assert.ok(!selector.isArticle('/work/c/a.txt'));
    entries['/work/c/marginalia.json'] = '{}';
    selector.forgetProjects();
    assert.ok(selector.isArticle('/work/c/a.txt'));
  });
});

describe('globs of a hostile project file', () => {
  it('pick articles in linear time: a glob that backtracks as a regular expression answers at once', { timeout: 20_000 }, () => {
    // Took 22.7 s for 34 a's and never ended for 40 when globs were regular expressions.
    const project = '{"articles":["*a*a*a*a*a*a*a*a*a*a*a*a*ab.txt"]}';
    const selector = new ArticleSelector(['/work'], undefined, files({ '/work/marginalia.json': project }));
    assert.ok(!selector.isArticle(`/work/${'a'.repeat(40)}.txt`));
    assert.ok(selector.isArticle(`/work/${'a'.repeat(40)}b.txt`));
  });

  it('are checked when the project file is read: a malformed glob is reported, naming the file and the glob', () => {
    const selector = new ArticleSelector(['/work'], undefined, files({ '/work/c/marginalia.json': '{"articles":["{a,b.txt"],"exclude":["x/{y"]}' }));
    const problem = selector.projectOf('/work/c/a.txt').problem ?? '';
    assert.match(problem, /^\/work\/c\/marginalia\.json: /);
    assert.match(problem, /articles\[0\]: glob "\{a,b\.txt": the "\{" at character 1 is never closed/);
    assert.match(problem, /exclude\[0\]: glob "x\/\{y"/);
    assert.ok(!selector.isArticle('/work/c/a.txt'));
  });
});
