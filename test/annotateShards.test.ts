/**
 * `marginalia annotate --shard K/N`: a large pre-annotation as N independent jobs (a Kubernetes
 * Indexed Job, a Slurm array, GNU parallel over ssh), each writing only its own articles' sidecars.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArticleGenerator } from '../scripts/bench/articleGenerator';
import { shardOf } from '../server/src/core/annotate/shard';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const SHARDS = 4;

/** Every file below `folder` with its bytes, by path: what the runs wrote. */
const contents = (folder: string) => new Map(readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort().filter((name) => !name.endsWith('/') && name.includes('.')).map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));
/** `contents`, with what differs between any two runs left out: the random ids of tags and relations (and the tag ids relations name), and timestamps. */
const written = (folder: string) => new Map([...contents(folder)].map(([name, text]) => [name, text.replace(/"(id|from|to)": ?"[tr]-[0-9a-f]+"/g, '"$1": ID').replace(/"(created|modified)": ?"[^"]+"/g, '"$1": TIME')]));
const marginalia = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
/** One process, as one job of an array runs; resolves with its exit code, stdout and stderr. */
const marginaliaAsync = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

describe('marginalia annotate --shard K/N', () => {
  const folders: string[] = [];
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  const generator = new ArticleGenerator();
  /** A corpus of 40 generated articles in nested folders, with the seeds' marginalia.json and a lexicon. */
  const corpus = () => {
    const root = mkdtempSync(path.join(tmpdir(), 'marginalia-shards-'));
    folders.push(root);
    cpSync(path.join(PROJECT_ROOT, 'seeds', 'marginalia.json'), path.join(root, 'marginalia.json'));
    const names: string[] = [];
    for (let index = 0; index < 40; index++) {
      const name = `${index % 3 === 0 ? 'politics' : 'world/europe'}/${String(index).padStart(3, '0')}_article.txt`;
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), generator.article(index));
      names.push(name);
    }
    return { root, names };
  };
  const sidecarOf = (name: string) => name.replace(/\.txt$/, '.annotations.json');

  it('partitions the articles by their path in the corpus: each shard writes its own sidecars only, and the union is one unsharded run, byte for byte', async () => {
    const whole = corpus();
    const unsharded = marginalia('annotate', '--workers', '1', whole.root);
    assert.equal(unsharded.status, 0, unsharded.stderr);

    // One shard after the other: each adds exactly the sidecars of its own articles and changes nothing else.
    const sequential = corpus();
    const owners = new Map<string, number>();
    let before = contents(sequential.root);
    for (let shard = 1; shard <= SHARDS; shard++) {
      const run = marginalia('annotate', '--workers', '1', '--format', 'json', '--shard', `${shard}/${SHARDS}`, sequential.root);
      assert.equal(run.status, 0, run.stderr);
      const mine = sequential.names.filter((name) => shardOf(name, SHARDS) === shard);
      assert.equal(JSON.parse(run.stdout).articles, mine.length, `shard ${shard} names its own article count`);
      const now = contents(sequential.root);
      const changed = [...now.keys()].filter((name) => before.get(name) !== now.get(name));
      assert.deepEqual(changed.sort(), mine.map(sidecarOf).sort(), `shard ${shard} wrote its own sidecars and nothing else`);
      for (const name of mine) owners.set(name, shard);
      before = now;
    }
    assert.equal(owners.size, sequential.names.length, 'every article is in one shard');
    assert.ok(new Set(owners.values()).size === SHARDS, 'every shard has articles');

    // Four processes at once over one corpus, as an array job runs them.
    const parallel = corpus();
    const runs = await Promise.all(Array.from({ length: SHARDS }, (_, index) => marginaliaAsync('annotate', '--workers', '1', '--shard', `${index + 1}/${SHARDS}`, parallel.root)));
    for (const run of runs) assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(written(parallel.root), written(whole.root), 'the shards together wrote what one run writes (but for ids and times)');
    assert.deepEqual(written(sequential.root), written(whole.root));
    assert.equal(contents(parallel.root).size, whole.names.length * 2 + 1, 'an article and its sidecar each, and marginalia.json: no stray file');
  });

  it('puts an article in the same shard wherever the corpus is and whichever folder of it is given', () => {
    const { root, names } = corpus();
    const name = names[7]!;
    const shard = shardOf(name, SHARDS);
    const fromSub = marginalia('annotate', '--workers', '1', '--format', 'json', '--shard', `${shard}/${SHARDS}`, path.join(root, path.dirname(name)));
    assert.equal(fromSub.status, 0, fromSub.stderr);
    assert.match(readFileSync(path.join(root, sidecarOf(name)), 'utf8'), /"status": ?"proposed"/);
    const other = (shard % SHARDS) + 1;
    rmSync(path.join(root, sidecarOf(name)));
    assert.equal(marginalia('annotate', '--workers', '1', '--shard', `${other}/${SHARDS}`, path.join(root, name)).status, 0);
    assert.ok(!readdirSync(path.join(root, path.dirname(name))).includes(path.basename(sidecarOf(name))), 'another shard leaves it alone');
  });

  it('refuses a shard that is not K/N with 1 ≤ K ≤ N, naming what it got', () => {
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0', '1.5/4']) {
      const run = marginalia('annotate', '--shard', bad, '.');
      assert.equal(run.status, 2, bad);
      assert.match(run.stderr, new RegExp(`--shard must be K/N .*not '${bad.replace('.', '\\.')}'`));
    }
  });
});
