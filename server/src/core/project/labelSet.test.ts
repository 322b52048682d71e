import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveLabelSet, labelsOfKind, DEFAULT_LABEL_SET } from './labelSet';
import { parseProjectFile } from './projectFile';

describe('the label set', () => {
  it('offers every OntoNotes label with a colour by default', () => {
    assert.equal(DEFAULT_LABEL_SET.length, 19);
    assert.ok(DEFAULT_LABEL_SET.every((label) => /^#[0-9a-f]{6}$/i.test(label.color)));
    assert.deepEqual(labelsOfKind(DEFAULT_LABEL_SET, 'date').map((label) => label.name), ['DATE', 'TIME', 'DURATION']);
  });

  it('takes custom labels, colours and guidelines from the project file, and user settings last', () => {
    const { labels, problems } = resolveLabelSet(
      { WEAPON: { kind: 'entity', color: '#ff0000', guideline: 'Named weapon systems' }, PERSON: { color: '#111111' } },
      { PERSON: { color: '#222222' }, LANGUAGE: { enabled: false } },
    );
    assert.deepEqual(problems, []);
    const byName = new Map(labels.map((label) => [label.name, label]));
    assert.equal(byName.get('PERSON')?.color, '#222222');
    assert.equal(byName.get('WEAPON')?.guideline, 'Named weapon systems');
    assert.equal(byName.has('LANGUAGE'), false);
  });

  it('reports a custom label without a kind instead of guessing one', () => {
    const { labels, problems } = resolveLabelSet({ SHIP: { color: '#00ff00' } });
    assert.ok(!labels.some((label) => label.name === 'SHIP'));
    assert.match(problems[0], /SHIP needs a "kind"/);
  });
});

describe('the project file', () => {
  it('accepts a complete project', () => {
    const parsed = parseProjectFile('{"articles":["news/**/*.txt"],"labels":{"WEAPON":{"kind":"entity","color":"#aa0000"}}}', 'marginalia.json');
    assert.ok(parsed.ok);
  });

  it('names the file and the place of each problem', () => {
    const parsed = parseProjectFile('{"labels":{"person":{},"ORG":{"color":"blue"}}}', 'corpus/marginalia.json');
    assert.ok(!parsed.ok);
    assert.match(parsed.message, /^corpus\/marginalia\.json: /);
    assert.match(parsed.message, /labels\.ORG\.color: a colour as #rrggbb/);
  });

  it('says so when the file is not JSON', () => {
    const parsed = parseProjectFile('{ labels: ', 'marginalia.json');
    assert.ok(!parsed.ok && /not valid JSON/.test(parsed.message));
  });

  it('places each problem on the key or value at fault, for the editor to underline', () => {
    const text = '{\n  "labels": {\n    "ORG": { "color": "blue", "guidline": "x" }\n  },\n  "lables": {}\n}';
    const parsed = parseProjectFile(text, 'marginalia.json');
    assert.ok(!parsed.ok);
    const placed = parsed.issues.map((issue) => [text.slice(issue.start, issue.end), issue.message]).sort();
    assert.deepEqual(placed, [
      ['"blue"', 'labels.ORG.color: a colour as #rrggbb'],
      ['"guidline"', 'labels.ORG.guidline: unknown key "guidline" (known: kind, color, guideline, enabled)'],
      ['"lables"', 'lables: unknown key "lables" (known: $schema, articles, exclude, labels, recognisers, referenceDate, relations)'],
    ]);
    const broken = parseProjectFile('{"labels": {,}}', 'marginalia.json');
    assert.ok(!broken.ok);
    assert.equal(broken.issues[0]?.start, 12, 'JSON syntax errors stand where the parser stopped');
  });

  it("places a recogniser's problems on its key or value, naming a recogniser's keys", () => {
    const text = '{"recognisers": [{"name": "spacy lg", "command": ["python3"], "timeout": 5}, {"name": "b"}]}';
    const parsed = parseProjectFile(text, 'marginalia.json');
    assert.ok(!parsed.ok);
    const placed = parsed.issues.map((issue) => [text.slice(issue.start, issue.end), issue.message]).sort();
    assert.deepEqual(placed, [
      ['"spacy lg"', 'recognisers[0].name: a name of letters, digits, ".", "_" or "-" (at most 64), such as spacy-lg'],
      ['"timeout"', 'recognisers[0].timeout: unknown key "timeout" (known: name, command, url, allowRemote, labels, merge, timeoutSeconds)'],
      ['{"name": "b"}', 'recognisers[1]: a recogniser needs either "command" or "url" (one of them)'],
    ]);
  });

  it('refuses a "__proto__" label rather than dropping it silently', () => {
    const parsed = parseProjectFile('{"labels":{"__proto__":{"kind":"entity"},"WEAPON":{"kind":"entity"}}}', 'corpus/marginalia.json');
    assert.ok(!parsed.ok);
    assert.match(parsed.message, /^corpus\/marginalia\.json: labels\.__proto__: not a label name/);
  });

  it('rejects unknown keys, so a typo is not silently ignored', () => {
    const parsed = parseProjectFile('{"lables":{}}', 'marginalia.json');
    assert.ok(!parsed.ok && /lables/.test(parsed.message));
  });
});
