/**
 * Detection stays optimised from one document to the next (shared/shapes.ts): a full garbage collection between two
 * documents, when none of the first one's objects is alive any more, used to free the hidden classes ("maps") of the
 * detector's per-document objects and throw away about 80 optimised functions at once ("reason: weak objects" in
 * V8's deoptimisation trace), so that one 2 MB detection in three or four ran up to twice as long.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { PROJECT_ROOT } from './support/projectRoot';

const SCRIPT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'shapes', 'detectAcrossCollections.ts');

describe('detection across garbage collections', () => {
  it('keeps its optimised code when a full collection runs between documents', (t) => {
    // Bundled as the CLI and the server are, so that the trace holds the detector's code and no loader's.
    const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-shapes-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    const bundle = path.join(folder, 'detect.cjs');
    buildSync({ entryPoints: [SCRIPT], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
    const run = spawnSync(process.execPath, ['--expose-gc', '--trace-opt', '--trace-deopt', bundle], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    assert.equal(run.status, 0, run.stderr.slice(0, 2000));
    const [warmUp, afterWarmUp] = run.stdout.split('MARGINALIA-WARM');
    assert.ok(afterWarmUp?.includes('MARGINALIA-DONE'), 'the script ran to its end');
    // The trace is only worth reading if the detector was optimised in the warm-up (how much of it depends on the
    // machine's load: compilation runs beside the script).
    assert.match(warmUp!, /completed (compiling|optimizing) [^\n]*<JSFunction tokenize /, 'the tokenizer was optimised in the warm-up');
    const optimised = new Set([...warmUp!.matchAll(/completed optimizing [^\n]*?<JSFunction ([^ >]+)/g)].map((match) => match[1]));
    assert.ok(optimised.size >= 30, `only ${optimised.size} functions were optimised in the warm-up`);
    const thrownAway = [...afterWarmUp!.matchAll(/<SharedFunctionInfo ([^>]*)>[^\n]*reason: weak objects/g)].map((match) => match[1]);
    assert.deepEqual([...new Set(thrownAway)], [], 'optimised functions thrown away because their objects\' maps died');
  });
});
