/**
 * The layout the compiler and this test enforce (README, "Where things are"): the core does no I/O and
 * knows no editor, no folder's files import each other in a circle, and no source file grows past 600
 * lines. Read from the sources' import lines, so it holds for every file, bundled or not.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './support/projectRoot';

const SOURCE_ROOTS = ['server/src', 'src', 'scripts', 'test'];
const MAX_LINES = 600;

interface SourceFile {
  /** Relative to the project root, '/'-separated. */
  file: string;
  text: string;
  imports: string[];
}

function sources(): SourceFile[] {
  const found: SourceFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(PROJECT_ROOT, folder), { withFileTypes: true })) {
      const relative = `${folder}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'fixtures' && entry.name !== 'golden') walk(relative);
      else if (entry.isFile() && /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const text = readFileSync(path.join(PROJECT_ROOT, relative), 'utf8');
        found.push({ file: relative, text, imports: importsOf(text) });
      }
    }
  };
  for (const root of SOURCE_ROOTS) walk(root);
  return found;
}

/** Module specifiers of static imports, re-exports, dynamic imports and require calls. */
function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    specifiers.push((match[1] ?? match[2] ?? match[3] ?? match[4])!);
  }
  return specifiers;
}

const isTest = (file: string) => /\.test\.ts$|\.e2e\.ts$/.test(file) || file.startsWith('test/');
const resolveRelative = (from: string, specifier: string) => path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));

describe('the layout', () => {
  const all = sources();
  const product = all.filter((source) => !isTest(source.file) && !source.file.startsWith('scripts/'));

  it('keeps the core pure: no node:*, no editor or LSP package, no import from a shell folder', () => {
    const forbidden = /^(node:|vscode$|vscode-languageserver|vscode-languageclient|vscode-jsonrpc|fs$|path$|os$|url$|crypto$|worker_threads$|child_process$)/;
    const offences: string[] = [];
    for (const source of product.filter((candidate) => candidate.file.startsWith('server/src/core/'))) {
      for (const specifier of source.imports) {
        const outside = specifier.startsWith('.') && !resolveRelative(source.file, specifier).startsWith('server/src/core/');
        if (forbidden.test(specifier) || outside) offences.push(`${source.file} imports ${specifier}`);
      }
    }
    assert.deepEqual(offences, []);
  });

  it('has no import cycle between folders', () => {
    const edges = new Map<string, Set<string>>();
    // A test beside its module belongs to the tests, not to the module's folder: its imports (test/support) are not the folder's.
    for (const source of all.filter((candidate) => candidate.file.startsWith('test/') || candidate.file.startsWith('scripts/') || !isTest(candidate.file))) {
      const from = path.posix.dirname(source.file);
      for (const specifier of source.imports.filter((candidate) => candidate.startsWith('.'))) {
        const target = resolveRelative(source.file, specifier);
        // A folder imported by name (its index.ts) is that folder; a module is the folder holding it.
        const to = existsSync(path.join(PROJECT_ROOT, target)) && statSync(path.join(PROJECT_ROOT, target)).isDirectory() ? target : path.posix.dirname(target);
        if (to === from) continue;
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from)!.add(to);
      }
    }
    const cycles = stronglyConnected(edges).filter((component) => component.length > 1);
    assert.deepEqual(cycles.map((component) => component.sort().join(' ⇄ ')), []);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = product.map((source) => ({ file: source.file, lines: source.text.split('\n').length })).filter((source) => source.lines > MAX_LINES);
    assert.deepEqual(long.map((source) => `${source.file}: ${source.lines} lines`), []);
  });

  it('finds what it checks: the sources, their imports and an enforced core', () => {
    assert.ok(product.length > 100, `${product.length} product files`);
    assert.ok(product.some((source) => source.file.startsWith('server/src/core/') && source.imports.includes('zod')));
    assert.deepEqual(importsOf("import a from './a';\nexport { b } from '../b';\nimport './c';\nconst d = await import('./d');\nrequire('e');\nimport type {\n  F,\n} from 'f';"), ['./a', '../b', './c', './d', 'e', 'f']);
  });
});

/** Tarjan's strongly connected components, iteratively. */
function stronglyConnected(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((targets) => [...targets])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; targets: string[]; next: number }> = [];
    const visit = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, targets: [...(edges.get(node) ?? [])], next: 0 });
    };
    visit(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.next < frame.targets.length) {
        const target = frame.targets[frame.next++]!;
        if (!index.has(target)) visit(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
