/** The process recogniser's restart policy and the set's one report per failure, with a real Python process. */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../../test/support/projectRoot';
import { RecogniserFailure } from '../../core/recognisers/protocol';
import { ProcessRecogniser } from './processRecogniser';
import { RecogniserSet } from './recogniserSet';

const TINY = path.join(PROJECT_ROOT, 'test', 'fixtures', 'recognisers', 'tiny_ner.py');
const LABELS = [{ name: 'PERSON', kind: 'entity' as const }, { name: 'ORG', kind: 'entity' as const }];
const failureOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RecogniserFailure, String(error));
    return error;
  }
  assert.fail('it answered');
};

describe('a process recogniser', () => {
  const started: Array<{ close(): void }> = [];
  after(() => started.forEach((recogniser) => recogniser.close()));
  const recogniser = (mode: string, timeoutSeconds?: number) => {
    const made = new ProcessRecogniser({ name: 'tiny', command: ['python3', TINY, mode], ...(timeoutSeconds && { timeoutSeconds }) }, PROJECT_ROOT);
    started.push(made);
    return made;
  };

  it('is stopped when it hangs, and started again for the next article', async () => {
    // 3 s, not 1: the restarted Python process must start and answer within the same limit, which a loaded
    // machine (a CI runner, or the whole suite at once) can take more than a second to do.
    const model = recogniser('hang-on-marker', 3);
    const hung = await failureOf(model.recognise('HANG: Whitfield'));
    assert.equal(hung.kind, 'timeout');
    assert.deepEqual(await model.recognise('said Whitfield'), [{ start: 5, end: 14, label: 'PER', score: 0.88 }]);
  });

  it('is started again after a crash, and given up on after three failures in a row', async () => {
    const model = recogniser('crash');
    for (let n = 0; n < 3; n++) assert.equal((await failureOf(model.recognise('Whitfield'))).kind, 'crashed');
    const last = await failureOf(model.recognise('Whitfield'));
    assert.match(last.message, /after 3 failures in a row it is not started again until marginalia.json changes/);
  });

  it('answers articles sent at once, each with its own spans', async () => {
    const model = recogniser('normal');
    const answers = await Promise.all(['Okafor', 'a Denver side', 'nothing'].map((text) => model.recognise(text)));
    assert.deepEqual(answers.map((spans) => spans.map((span) => span.label)), [['PER'], ['ORG'], []]);
  });
});

describe('a set of recognisers', () => {
  it('reports each kind of failure of each once, and answers with the others', async () => {
    const reports: string[] = [];
    const set = new RecogniserSet(
      [
        { name: 'crashy', command: ['python3', TINY, 'crash'] },
        { name: 'tiny', command: ['python3', TINY], labels: { PER: 'PERSON' } },
      ],
      PROJECT_ROOT,
      (message) => reports.push(message),
    );
    try {
      for (let n = 0; n < 2; n++) {
        const { answers, failed } = await set.recognise('said Whitfield, with Brent', LABELS);
        assert.deepEqual(failed, ['crashy']);
        assert.deepEqual(answers.map((answer) => [answer.config.name, answer.spans.map((span) => span.label)]), [['tiny', ['PERSON']]]);
      }
    } finally {
      set.close();
    }
    assert.equal(reports.length, 2, reports.join('\n'));
    reports.sort();
    assert.match(reports[0]!, /^Marginalia: recogniser "crashy" exited with code 3/);
    assert.match(reports[1]!, /^Marginalia: recogniser "tiny" answered labels this project does not have: MISC/);
  });
});
