/**
 * The simulated annotator of `npm run bench:annotator` on both corpora: the figures add up, come out
 * the same on every run, and learning saves work on the gold set's later articles.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { laterSaving, laterSeconds, loadTruthSets, runAnnotatorSimulation, type SetResult } from './support/simulationReport';
import type { AnnotationFigures } from './support/simulation';

describe('the simulated annotator', () => {
  let results: SetResult[];
  before(() => {
    results = runAnnotatorSimulation(loadTruthSets());
  });
  const resultFor = (name: string) => results.find((result) => result.set.name === name)!;

  it('handles each true tag exactly once (accepted, relabelled or made by hand), in both corpora and both runs', () => {
    assert.deepEqual(
      results.map((result) => result.set.name),
      ['gold', 'seeds'],
    );
    assert.equal(resultFor('gold').set.articles.length, 25);
    assert.equal(resultFor('gold').withLearning.cumulative.at(-1)!.truth, 1421, 'the gold set has 1421 spans');
    for (const result of results) {
      for (const run of [result.withoutLearning, result.withLearning]) {
        for (const file of run.files) {
          assert.equal(file.accepts + file.relabels + file.manual, file.truth, `${result.set.name} ${file.article}`);
          assert.ok(file.precision >= 0 && file.precision <= 1 && file.recall >= 0 && file.recall <= 1);
        }
        const total = run.cumulative.at(-1)!;
        const summed = (field: keyof AnnotationFigures) => run.files.reduce((sum, file) => sum + (file[field] as number), 0);
        assert.deepEqual([total.truth, total.actions, total.suggested, total.correct], [summed('truth'), summed('actions'), summed('suggested'), summed('correct')]);
        assert.deepEqual([run.later.truth, run.later.actions], [total.truth - run.files[0].truth, total.actions - run.files[0].actions]);
      }
      const opening = ({ suggested, correct }: AnnotationFigures) => ({ suggested, correct });
      assert.deepEqual(opening(result.withLearning.files[0]), opening(result.withoutLearning.files[0]), 'nothing is learnt before the first article opens');
    }
  });

  it('gives the same figures on every run', () => {
    assert.deepEqual(runAnnotatorSimulation(loadTruthSets()), results);
  });

  it('saves work on the gold set’s later articles when the corpus lexicon learns', () => {
    const gold = resultFor('gold');
    // Measured: files 2..9, actions per correct tag 1.016 → 1.013 (every true tag costs one action at
    // least, so only rejections can go), tags made by hand per correct tag 0.266 → 0.225 (15.6% fewer).
    assert.ok(gold.withLearning.later.actionsPerTag < gold.withoutLearning.later.actionsPerTag, `${gold.withLearning.later.actionsPerTag} < ${gold.withoutLearning.later.actionsPerTag}`);
    assert.ok(laterSaving(gold, 'byHandPerTag') >= 0.1, `tags by hand: ${(laterSaving(gold, 'byHandPerTag') * 100).toFixed(1)}% fewer`);
    assert.ok(gold.withLearning.later.accepts > gold.withoutLearning.later.accepts, 'learnt names are accepted instead of tagged by hand');
  });

  it('estimates the time saved, by the keystroke-level model, against tagging every name by hand as the published studies do', () => {
    const { byHandOnly, detector, learning } = laterSeconds(resultFor('gold'));
    // Measured: files 2..9, 4928 s by hand, 2276 s with the detector's suggestions, 2148 s with learning too.
    assert.ok(learning < detector && detector < byHandOnly, JSON.stringify({ byHandOnly, detector, learning }));
    assert.ok(1 - learning / byHandOnly > 0.35, 'above the 35% measured for INCEpTION\'s recommender (a measurement against our estimate: a rough comparison)');
    const gold = resultFor('gold').withLearning;
    assert.ok(Math.abs(gold.cumulative.at(-1)!.estimatedSeconds - gold.files.reduce((sum, file) => sum + file.estimatedSeconds, 0)) < 1e-6, 'the estimate adds up over the articles');
  });

  it('says that the seeds’ truth comes from the detector', () => {
    // The seeds' truth is ann's tags, made from the detector's output with random mistakes (a label
    // changed at one mention and not the next, a boundary moved by a word, "Advertisement" as NORP,
    // a byline left untagged once and tagged the next time). Learning spreads those until rejections
    // outvote them: measured 1.033 → 1.081 actions per correct tag on files 2..5. So no saving is
    // asserted here; the gold set, annotated consistently by hand, is the honest test.
    assert.match(resultFor('seeds').set.note, /derived from the detector's output with simulated mistakes/);
  });
});
