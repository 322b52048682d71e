import { detect } from '../../server/src/core/detect';
import type { Tag } from '../../server/src/core/sidecar/schema';
import { newTag } from '../../server/src/core/sidecar/tags';
import { SeededRandom } from '../../server/src/core/base/seededRandom';
import { TrackedText } from '../../server/src/core/anchoring/trackedText';

export const EDIT_TYPES = ['insertion', 'paragraph-deletion', 'paragraph-move', 'whitespace', 'quote-style', 'mixed'] as const;
export type EditType = (typeof EDIT_TYPES)[number];

export interface SeedArticle {
  name: string;
  text: string;
}

export interface EditedCase {
  /** "<seed>/<edit type>#<variant>". */
  name: string;
  editType: EditType;
  original: string;
  edited: string;
  /** Every detection in `original`, tagged. */
  tags: Tag[];
  /** Where each tag's text truly is in `edited`, in code points; undefined when it was deleted. */
  truth: ({ start: number; end: number } | undefined)[];
}

/** Sentences a writer might add; some mention names the seeds tag too, so that they compete. */
const INSERTED_SENTENCES = [
  'Ukraine said on Tuesday that talks would continue.',
  'Officials in Kyiv did not respond to a request for comment.',
  'The Russian Defense Ministry made no immediate statement.',
  'President Volodymyr Zelensky thanked partners for their support.',
  'The European Union is expected to discuss the issue next week.',
  'More than 1,000 people were evacuated, according to local authorities 🇺🇦.',
  '“We will not stop,” a spokesperson told reporters.',
  'This article was updated at 18:00 with new figures.',
];

/**
 * The edited corpus: every seed article, every detection tagged, edited `variants` times per edit
 * type. Deterministic for a given `seed`, so it need not be stored.
 */
export function buildEditedCorpus(seeds: readonly SeedArticle[], { variants = 4, seed = 2024 } = {}): EditedCase[] {
  const cases: EditedCase[] = [];
  const tagsOf = new Map<string, Tag[]>();
  for (const article of seeds) {
    for (const editType of EDIT_TYPES) {
      for (let variant = 0; variant < variants; variant++) {
        const name = `${article.name}/${editType}#${variant}`;
        // Seeded per case, so that adding a seed article or an edit type leaves the other cases as they were.
        const random = new SeededRandom(hash(`${seed}:${name}`));
        // Half the whitespace variants start from CRLF and go to LF; the other half the reverse.
        const startsWithCrlf = editType === 'whitespace' && variant % 2 === 1;
        const original = startsWithCrlf ? article.text.replace(/\r?\n/g, '\r\n') : article.text;
        const document = new TrackedText(original);
        applyEdits(document, editType, random, startsWithCrlf);
        const tags = tagsOf.get(original) ?? tagDetections(original);
        tagsOf.set(original, tags);
        cases.push({
          name,
          editType,
          original,
          edited: document.text,
          tags,
          truth: document.locate(tags),
        });
      }
    }
  }
  return cases;
}

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return value >>> 0;
}

function applyEdits(document: TrackedText, editType: EditType, random: SeededRandom, startsWithCrlf: boolean): void {
  switch (editType) {
    case 'insertion':
      return insertSentences(document, random, 1 + random.below(3));
    case 'paragraph-deletion':
      return deleteParagraph(document, random);
    case 'paragraph-move':
      return moveParagraph(document, random);
    case 'whitespace':
      return changeWhitespace(document, random, startsWithCrlf ? 'to-lf' : 'to-crlf');
    case 'quote-style':
      return swapQuoteStyle(document);
    case 'mixed':
      insertSentences(document, random, 1 + random.below(2));
      deleteParagraph(document, random);
      moveParagraph(document, random);
      if (random.chance(0.5)) changeWhitespace(document, random, random.chance(0.5) ? 'to-crlf' : 'keep');
      if (random.chance(0.5)) swapQuoteStyle(document);
  }
}

function tagDetections(text: string): Tag[] {
  return detect(text).map((detection, index) => ({
    ...newTag({ text, start: detection.start, end: detection.end, label: detection.label, kind: detection.kind, source: 'suggestion', annotator: 'corpus', now: new Date(0) }),
    id: `t-${index}`,
  }));
}

/** Adds sentences after existing sentences, or as new paragraphs. */
function insertSentences(document: TrackedText, random: SeededRandom, count: number): void {
  for (let i = 0; i < count; i++) {
    const sentence = random.pick(INSERTED_SENTENCES);
    const sentenceEnds = sentenceBoundaries(document);
    if (random.chance(0.5) && sentenceEnds.length > 0) document.insert(random.pick(sentenceEnds), `${sentence} `);
    else document.insert(random.pick(document.paragraphs()).start, `${sentence}\n\n`);
  }
}

/** Offsets right after ". " (or "? ", "! ", with a closing quote) inside a paragraph: where a new sentence can start. */
function sentenceBoundaries(document: TrackedText): number[] {
  const boundaries: number[] = [];
  for (let offset = 2; offset < document.length; offset++) {
    const before = document.charAt(offset - 2);
    if (document.charAt(offset - 1) === ' ' && /[.!?"”’]/.test(before) && /\p{Lu}/u.test(document.charAt(offset))) boundaries.push(offset);
  }
  return boundaries;
}

/** Removes a paragraph with the blank line that separates it from its neighbour: its tags are lost. */
function deleteParagraph(document: TrackedText, random: SeededRandom): void {
  const paragraphs = document.paragraphs();
  if (paragraphs.length < 2) return;
  const index = random.below(paragraphs.length);
  const next = paragraphs[index + 1];
  if (next) document.remove(paragraphs[index].start, next.start);
  else document.remove(paragraphs[index - 1].end, paragraphs[index].end);
}

/** Moves a paragraph, with the blank line after it, before another paragraph. */
function moveParagraph(document: TrackedText, random: SeededRandom): void {
  const paragraphs = document.paragraphs();
  if (paragraphs.length < 3) return;
  const index = random.below(paragraphs.length - 1);
  const block = { start: paragraphs[index].start, end: paragraphs[index + 1].start };
  const destinations = paragraphs.filter((_, other) => other !== index && other !== index + 1);
  const destination = random.pick(destinations).start;
  document.move(block.start, block.end, destination > block.start ? destination - (block.end - block.start) : destination);
}

/** Doubled spaces between sentences and words, trailing spaces, and line ends switched between LF and CRLF. */
function changeWhitespace(document: TrackedText, random: SeededRandom, lineEnds: 'to-crlf' | 'to-lf' | 'keep'): void {
  for (let offset = document.length - 1; offset >= 0; offset--) {
    const character = document.charAt(offset);
    if (character === ' ' && random.chance(/[.!?]/.test(document.charAt(offset - 1)) ? 0.5 : 0.03)) document.insert(offset, ' ');
    if (character === '\n') {
      let lineEnd = offset;
      if (document.charAt(offset - 1) === '\r') {
        lineEnd = offset - 1;
        if (lineEnds === 'to-lf') document.remove(offset - 1, offset);
        offset--; // the CR is done with
      } else if (lineEnds === 'to-crlf') document.insert(offset, '\r');
      if (random.chance(0.2)) document.insert(lineEnd, random.chance(0.5) ? ' ' : ' \t');
    }
  }
}

/** Straight quotes become typographic ones and typographic ones straight: ’ ↔ ', “ ” ↔ ". */
function swapQuoteStyle(document: TrackedText): void {
  let opening = true;
  for (let offset = 0; offset < document.length; offset++) {
    const character = document.charAt(offset);
    if (character === "'") document.substitute(offset, '’');
    else if (character === '’' || character === '‘') document.substitute(offset, "'");
    else if (character === '“' || character === '”') document.substitute(offset, '"');
    else if (character === '"') {
      document.substitute(offset, opening ? '“' : '”');
      opening = !opening;
    }
  }
}
