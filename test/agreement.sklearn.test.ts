/**
 * Our token-level Cohen's kappa against an independent implementation, scikit-learn's
 * cohen_kappa_score, on the fixtures of two simulated annotators: per document and for the corpus,
 * overall and per label, to 1e-9.
 *
 * scikit-learn comes from Debian (python3-sklearn, installed by scripts/setup-test-deps.sh) and is
 * run with /usr/bin/python3: a python3 found first on PATH, such as pyenv's, does not see Debian's
 * dist-packages. Without it the test fails in CI (CI=true) and is skipped elsewhere.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agreement, tokenLabelSequences, type Agreement, type AgreementDocument, type TokenLabelSequences } from '../server/src/core/agreement';
import { SidecarStore } from '../server/src/node/sidecarStore';

const FIXTURES = path.join(__dirname, 'fixtures', 'agreement');
const DEBIAN_PYTHON = '/usr/bin/python3';
const SKLEARN_MISSING = `scikit-learn is not importable by ${DEBIAN_PYTHON}; install Debian's python3-sklearn (bash scripts/setup-test-deps.sh as root, or apt-get install -y python3-sklearn)`;

/** Reads the cases from argv[1]; prints each case's kappas, NaN as null (JSON has no NaN). */
const SKLEARN_KAPPAS = `
import json, math, sys, warnings
from sklearn.metrics import cohen_kappa_score
warnings.simplefilter("ignore")  # the 0/0 of a degenerate case warns before returning NaN
def kappa(first, second):
    value = float(cohen_kappa_score(first, second))
    return None if math.isnan(value) else value
result = {}
for case in json.load(open(sys.argv[1])):
    first, second = case["first"], case["second"]
    result[case["name"]] = {
        "overall": kappa(first, second),
        "byLabel": {label: kappa([c == label for c in first], [c == label for c in second]) for label in case["labels"]},
    }
print(json.dumps(result))
`;

interface Case extends TokenLabelSequences {
  name: string;
  labels: string[];
  ours: Agreement;
}

type SklearnKappas = Record<string, { overall: number | null; byLabel: Record<string, number | null> }>;

async function readFixtures(): Promise<AgreementDocument[]> {
  const store = new SidecarStore();
  const articles = readdirSync(FIXTURES).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(
    articles.map(async (name) => {
      const article = path.join(FIXTURES, name);
      return { name, text: readFileSync(article, 'utf8'), tags: (await store.read(article)).sidecar.annotations };
    }),
  );
}

/** A document both annotators read and claimed nothing in: every token "O" for both, where scikit-learn says NaN. */
function unclaimedCase(): Case {
  const text = 'Nothing to tag here.';
  const rejected = (annotator: string) => ({ start: 0, end: 7, label: 'ORG', status: 'rejected' as const, annotator });
  const document = { name: 'unclaimed', text, tags: [rejected('ann'), rejected('bob')] };
  const ours = agreement([document], 'ann', 'bob').documents[0];
  return { name: document.name, ...tokenLabelSequences(document, 'ann', 'bob'), labels: [], ours };
}

describe("token-level Cohen's kappa, checked against scikit-learn on two simulated annotators", () => {
  const sklearnAvailable = spawnSync(DEBIAN_PYTHON, ['-c', 'import sklearn']).status === 0;
  let folder = '';
  let cases: Case[] = [];
  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'marginalia-kappa-'));
    const corpus = await readFixtures();
    const report = agreement(corpus, 'ann', 'bob');
    const sequences = corpus.map((document) => tokenLabelSequences(document, 'ann', 'bob'));
    cases = [
      ...report.documents.map((ours, index) => ({ name: ours.name, ...sequences[index], labels: Object.keys(ours.byLabel), ours })),
      {
        name: 'corpus',
        first: sequences.flatMap((sequence) => sequence.first),
        second: sequences.flatMap((sequence) => sequence.second),
        labels: Object.keys(report.corpus.byLabel),
        ours: report.corpus,
      },
      unclaimedCase(),
    ];
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('compares the five fixture documents, the corpus and a document without claims', () => {
    assert.deepEqual(cases.map((comparison) => comparison.name).slice(-2), ['corpus', 'unclaimed']);
    assert.equal(cases.length, 7);
    assert.ok(cases.every((comparison) => comparison.first.length === comparison.ours.tokens));
  });

  it('agrees with cohen_kappa_score to 1e-9, overall and per label, per document and for the corpus', (t) => {
    if (!sklearnAvailable) {
      if (process.env.CI === 'true') assert.fail(SKLEARN_MISSING);
      t.skip(SKLEARN_MISSING);
      return;
    }
    const input = path.join(folder, 'cases.json');
    writeFileSync(input, JSON.stringify(cases.map(({ name, first, second, labels }) => ({ name, first, second, labels }))));
    const run = spawnSync(DEBIAN_PYTHON, ['-c', SKLEARN_KAPPAS, input], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.status, 0, run.stderr);
    const sklearn = JSON.parse(run.stdout) as SklearnKappas;

    let compared = 0;
    let degenerate = 0;
    const check = (where: string, ours: number, theirs: number | null, first: boolean[] | string[], second: boolean[] | string[]) => {
      compared++;
      if (theirs === null) {
        // scikit-learn's NaN: both annotators put every token in one and the same category; our convention says 1.
        degenerate++;
        assert.equal(new Set([...first, ...second]).size, 1, `${where}: scikit-learn found no kappa, yet the annotators differ`);
        assert.equal(ours, 1, `${where}: a degenerate case should be 1 by our convention`);
        return;
      }
      assert.ok(Math.abs(ours - theirs) < 1e-9, `${where}: ours ${ours}, scikit-learn ${theirs}`);
    };
    for (const { name, first, second, labels, ours } of cases) {
      check(`${name} overall`, ours.overall.kappa, sklearn[name].overall, first, second);
      for (const label of labels) {
        const is = (sequence: string[]) => sequence.map((category) => category === label);
        check(`${name} ${label}`, ours.byLabel[label].kappa, sklearn[name].byLabel[label], is(first), is(second));
      }
    }
    t.diagnostic(`${compared} kappas compared with scikit-learn, ${degenerate} of them degenerate (NaN there, 1 here)`);
  });
});
