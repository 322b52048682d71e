import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabelStudioResponse, labelStudioRequest } from './labelStudio';
import { offsetProblem, parseProcessReply } from './protocol';
import { isLoopbackUrl, RecognisersSchema } from './config';

describe('the process protocol', () => {
  it('reads an answer line, and says what is wrong with one that is not the protocol', () => {
    assert.deepEqual(parseProcessReply('{"id":"7","spans":[{"start":0,"end":4,"label":"PER","score":0.9}]}'), { id: '7', spans: [{ start: 0, end: 4, label: 'PER', score: 0.9 }] });
    assert.deepEqual(parseProcessReply('Loading model...'), { problem: 'answered a line that is not JSON ("Loading model...")' });
    assert.deepEqual(parseProcessReply('{"id":7,"spans":[]}'), { problem: 'answered without a string "id" ("{\\"id\\":7,\\"spans\\":[]}")' });
    assert.deepEqual(parseProcessReply('{"id":"1","spans":[{"start":0.5,"end":4,"label":"PER"}]}'), { problem: 'answered spans[0] without integer "start" and "end" and a "label"' });
    assert.deepEqual(parseProcessReply('{"id":"1","spans":[{"start":0,"end":4,"label":"PER","score":"high"}]}'), { problem: 'answered spans[0] with a "score" that is not a number' });
  });

  it('refuses spans outside the text or empty', () => {
    assert.equal(offsetProblem([{ start: 0, end: 4, label: 'X' }], 4), undefined);
    assert.equal(offsetProblem([{ start: 2, end: 9, label: 'X' }], 4), 'answered a span 2–9 outside the text (4 characters)');
    assert.equal(offsetProblem([{ start: 3, end: 3, label: 'X' }], 4), 'answered an empty or reversed span 3–3');
  });
});

describe("Label Studio's ML backend", () => {
  const text = 'Fans 🎉 cheered Okafor.';
  const okafor = text.indexOf('Okafor');
  const region = (start: number, end: number, extra: object = {}) => ({ from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, text: 'Okafor', labels: ['PER'] }, ...extra });

  it('sends one task with the text and a label config naming the project\'s labels', () => {
    const request = labelStudioRequest(text, 3, ['PERSON', 'ORG']) as { tasks: Array<{ id: number; data: { text: string } }>; label_config: string };
    assert.deepEqual(request.tasks, [{ id: 3, data: { text } }]);
    assert.equal(request.label_config, '<View><Labels name="label" toName="text"><Label value="PERSON"/><Label value="ORG"/></Labels><Text name="text" value="$text"/></View>');
  });

  it('converts UTF-16 offsets to code points, takes a region\'s score else the prediction\'s, and leaves other region types aside', () => {
    const json = { results: [{ result: [region(okafor, okafor + 6, { score: 0.9 }), region(0, 4), { type: 'choices', value: { choices: ['sport'] } }], score: 0.4 }] };
    assert.deepEqual(parseLabelStudioResponse(json, text), { spans: [{ start: okafor - 1, end: okafor + 5, label: 'PER', score: 0.9 }, { start: 0, end: 4, label: 'PER', score: 0.4 }] });
  });

  it('takes a Python backend\'s code points as they are, when its region text shows it counted so', () => {
    const json = { results: [{ result: [region(okafor - 1, okafor + 5)] }] };
    assert.deepEqual(parseLabelStudioResponse(json, text), { spans: [{ start: okafor - 1, end: okafor + 5, label: 'PER' }] });
  });

  it('says what is wrong with an answer that is not the shape', () => {
    assert.deepEqual(parseLabelStudioResponse({ predictions: [] }, text), { problem: 'answered without a "results" list' });
    assert.deepEqual(parseLabelStudioResponse({ results: [{ result: [region(0, 400)] }] }, text), { problem: `answered a span 0–400 outside the text (${text.length} UTF-16 units)` });
    assert.deepEqual(parseLabelStudioResponse({ results: [] }, text), { spans: [] });
  });
});

describe('recognisers in marginalia.json', () => {
  it('needs a command or a url, one name each', () => {
    assert.ok(RecognisersSchema.safeParse([{ name: 'spacy-lg', command: ['python3', 'ner.py'] }, { name: 'team', url: 'http://127.0.0.1:9090' }]).success);
    const issues = (value: unknown) => RecognisersSchema.safeParse(value).error?.issues.map((issue) => issue.message);
    assert.deepEqual(issues([{ name: 'a' }]), ['a recogniser needs either "command" or "url" (one of them)']);
    assert.deepEqual(issues([{ name: 'a', command: ['x'], url: 'http://127.0.0.1' }]), ['a recogniser needs either "command" or "url" (one of them)']);
    assert.deepEqual(issues([{ name: 'a', command: ['x'] }, { name: 'a', command: ['y'] }]), ['two recognisers are named "a"']);
    assert.deepEqual(issues([{ name: 'a', command: ['x'], allowRemote: true }]), ['"allowRemote" applies to a "url" only']);
    assert.deepEqual(issues([{ name: 'a', url: 'file:///etc/passwd' }]), ['an http:// or https:// URL']);
  });

  it('counts only this machine as loopback', () => {
    for (const url of ['http://127.0.0.1:9090', 'http://localhost:1/x', 'http://[::1]:8080', 'https://127.1.2.3']) assert.ok(isLoopbackUrl(url), url);
    for (const url of ['http://192.168.1.4:9090', 'http://127.0.0.1.example.com', 'http://models.example.com', 'http://0.0.0.0:9090']) assert.ok(!isLoopbackUrl(url), url);
  });
});
