/** The seed articles, the raw material every figure is measured on. Read on first use: bench workers never need them. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../test/support/projectRoot';

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

let seedArticles: string[] | undefined;

export function seedTexts(): string[] {
  seedArticles ??= readdirSync(SEEDS_DIR)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
  return seedArticles;
}

/** The seeds one after another, repeated and cut to `length` characters (all seeds are plain BMP text, so about as many bytes). */
export function corpusOf(length: number): string {
  const seeds = seedTexts().join('\n');
  return seeds.repeat(Math.ceil(length / seeds.length)).slice(0, length);
}
