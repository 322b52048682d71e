import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Lexicon } from '../core/lexicon';
import { newTag } from '../core/sidecar';
import { Article } from './article';
import { hoverAt } from './hover';

/** A CommonMark renderer, as editors render hovers; HTML allowed, the most an editor could let through. */
const MarkdownIt = require('markdown-it') as new (options: object) => { render(markdown: string): string };
const render = (markdown: string) => new MarkdownIt({ html: true, linkify: false }).render(markdown);
/** What a person reads: the rendered HTML without its tags, entities decoded, white space folded. */
const readable = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

// What a hostile sidecar, lexicon or project file can hold: a fake reviewer's note in bold, a link, a remote image, raw HTML, a heading.
const INJECTED = 'ann\n\n**Reviewer note:** approved [details](https://evil.example/x) ![pixel](https://evil.example/p.png) <img src="https://evil.example/q.png">\n# Approved';
const UNIT = 'km` [link](https://evil.example/u) `\n\n**bold**';
const GUIDELINE = 'Distances.\n\n# Approved by the editor\n![x](https://evil.example/g.png) <a href="https://evil.example">here</a> **Reviewer note**';

function hoverText(article: Article, offset: number, guideline?: string): string {
  const hover = hoverAt(article, offset, () => guideline);
  assert.ok(hover, 'a hover');
  return (hover.contents as { value: string }).value;
}

/** No markup of the injected text survives rendering: only the hover's own bold label and emphasis. */
function assertInert(markdown: string): string {
  const html = render(markdown);
  for (const element of ['<a ', '<img', '<h1', '<h2', '<code>**', '<hr>\n<h']) assert.ok(!html.includes(element), `${element} in ${html}`);
  assert.equal(html.match(/<strong>/g)?.length ?? 0, 1, `only the label is bold: ${html}`);
  return readable(html);
}

describe('hover', () => {
  it('shows an annotator name, a unit and a guideline as written, never as markup', () => {
    const text = 'The convoy drove 5 km to Kyiv.';
    const start = text.indexOf('5 km');
    const tag = newTag({ text, start, end: start + 4, label: 'QUANTITY', source: 'manual', annotator: INJECTED, value: { type: 'quantity', value: 5, unit: UNIT } });
    const article = new Article('/corpus/a.txt', TextDocument.create('file:///corpus/a.txt', 'plaintext', 1, text), () => 5_000_000);
    article.setTags([tag]);
    const shown = assertInert(hoverText(article, start, GUIDELINE));
    assert.ok(shown.includes('**Reviewer note:** approved [details](https://evil.example/x) ![pixel](https://evil.example/p.png) <img src="https://evil.example/q.png"> # Approved'), shown);
    assert.ok(shown.includes('km` [link](https://evil.example/u) ` **bold**'), shown);
    assert.ok(shown.includes('# Approved by the editor ![x](https://evil.example/g.png) <a href="https://evil.example">here</a> **Reviewer note**'), shown);
  });

  it('shows who taught a learnt suggestion as written too', () => {
    const text = 'Umerov spoke.';
    const lexicon = new Lexicon();
    lexicon.learn({ text: 'Umerov', label: 'PERSON', kind: 'entity', by: INJECTED, article: 'b_1.txt', at: '2026-01-01T00:00:00.000Z' });
    const article = new Article('/corpus/a.txt', TextDocument.create('file:///corpus/a.txt', 'plaintext', 1, text), () => 5_000_000, () => lexicon);
    const shown = assertInert(hoverText(article, 0));
    assert.ok(shown.includes('because ann **Reviewer note:**'), shown);
    assert.ok(shown.includes('in b_1.txt'), shown);
  });
});
