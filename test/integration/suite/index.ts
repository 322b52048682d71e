/**
 * Runs the integration suite inside a VS Code extension host: called by @vscode/test-electron
 * (`run`) and, offline, by the runner extension loaded into code-server (`runAndReport`).
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export interface SuiteReport {
  passed: number;
  failed: number;
  failures: Array<{ title: string; error: string }>;
  titles: string[];
}

function mochaWithTests(): Mocha {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  // The tests are bundled into this file; they register with the suite as this module loads them.
  mocha.suite.emit('pre-require', globalThis, 'article.suite', mocha);
  require('./article.suite');
  return mocha;
}

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mochaWithTests().run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}

export function runAndReport(resultsFile: string): Promise<SuiteReport> {
  return new Promise((resolve) => {
    const report: SuiteReport = { passed: 0, failed: 0, failures: [], titles: [] };
    const runner = mochaWithTests().run(() => {
      writeFileSync(resultsFile, JSON.stringify(report, null, 2));
      resolve(report);
    });
    runner.on('pass', (test) => {
      report.passed++;
      report.titles.push(`ok ${test.fullTitle()}`);
    });
    runner.on('fail', (test, error: Error) => {
      report.failed++;
      report.titles.push(`FAIL ${test.fullTitle()}`);
      report.failures.push({ title: test.fullTitle(), error: error.stack ?? error.message });
    });
  });
}
