// `npm run bench:annotator`: a simulated annotator works through two corpora in file order, with and
// without the project lexicon learning from their actions (test/support/simulationReport.ts, which
// test/annotatorSimulation.test.ts asserts on): prints the figures per article and cumulatively.
import { printAnnotatorSimulation } from '../test/support/simulationReport';

printAnnotatorSimulation();
