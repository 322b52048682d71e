/**
 * The CoNLL shared tasks' evaluation, conlleval.pl (Erik Tjong Kim Sang's, version 2004-01-26), in
 * TypeScript: phrase-level precision, recall and F1 over lines whose last two columns are the correct
 * and the guessed tag. Written from the script's rules (startOfChunk, endOfChunk and the main loop),
 * not from our reader, so that it can check our CoNLL export independently; it reads IOB1, IOB2 and
 * BIOES alike (BIOES with the S and E rules of conlleval's common extension, conlleval.py). Figures are percentages, as conlleval prints them.
 */

export interface ConllevalScores {
  precision: number;
  recall: number;
  f1: number;
  /** Counts behind the figures: chunks found in both, in the correct column, in the guessed column. */
  correctChunks: number;
  foundCorrect: number;
  foundGuessed: number;
  byType: Record<string, { precision: number; recall: number; f1: number }>;
}

const BOUNDARY = '-X-';

/** conlleval's split of a tag: "B-PER" is ("B", "PER"); a tag with no hyphen has type "". */
function split(tag: string): [string, string] {
  const match = /^([^-]*)-(.*)$/.exec(tag);
  return match ? [match[1], match[2]] : [tag, ''];
}

function endOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  let end = false;
  // conlleval.pl's own rules (IOB1, IOB2 and IOE).
  if (prevTag === 'B' && tag === 'B') end = true;
  if (prevTag === 'B' && tag === 'O') end = true;
  if (prevTag === 'I' && tag === 'B') end = true;
  if (prevTag === 'I' && tag === 'O') end = true;
  if (prevTag === 'E' && tag === 'E') end = true;
  if (prevTag === 'E' && tag === 'I') end = true;
  if (prevTag === 'E' && tag === 'O') end = true;
  if (prevTag !== 'O' && prevTag !== '.' && prevType !== type) end = true;
  if (prevTag === ']') end = true;
  if (prevTag === '[') end = true;
  // BIOES, as the widespread extension of conlleval (conlleval.py) adds it: S is a chunk of one, E ends one.
  if (prevTag === 'E' || prevTag === 'S') end = true;
  if ((prevTag === 'B' || prevTag === 'I') && tag === 'S') end = true;
  return end;
}

function startOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  let start = false;
  // conlleval.pl's own rules.
  if (prevTag === 'B' && tag === 'B') start = true;
  if (prevTag === 'I' && tag === 'B') start = true;
  if (prevTag === 'O' && tag === 'B') start = true;
  if (prevTag === 'O' && tag === 'I') start = true;
  if (prevTag === 'E' && tag === 'E') start = true;
  if (prevTag === 'E' && tag === 'I') start = true;
  if (prevTag === 'O' && tag === 'E') start = true;
  if (tag !== 'O' && tag !== '.' && prevType !== type) start = true;
  if (tag === '[') start = true;
  if (tag === ']') start = true;
  // The BIOES extension.
  if (tag === 'S') start = true;
  if ((prevTag === 'E' || prevTag === 'S') && tag === 'B') start = true;
  if (prevTag === 'S' && (tag === 'I' || tag === 'E')) start = true;
  return start;
}

function figures(correct: number, guessed: number, gold: number): { precision: number; recall: number; f1: number } {
  const precision = guessed > 0 ? (100 * correct) / guessed : 0;
  const recall = gold > 0 ? (100 * correct) / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Scores conlleval's input: one token a line, "... correct guessed", blank lines between sentences. */
export function conlleval(input: string): ConllevalScores {
  let correctChunks = 0;
  let foundCorrect = 0;
  let foundGuessed = 0;
  const correctByType = new Map<string, number>();
  const foundCorrectByType = new Map<string, number>();
  const foundGuessedByType = new Map<string, number>();
  const add = (map: Map<string, number>, type: string) => map.set(type, (map.get(type) ?? 0) + 1);

  let inCorrect = false;
  let lastCorrect = 'O';
  let lastCorrectType = '';
  let lastGuessed = 'O';
  let lastGuessedType = '';
  const lines = input.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    let features = line.split(/\s+/).filter((feature) => feature !== '');
    if (features.length === 0 || features[0] === BOUNDARY) features = [BOUNDARY, 'O', 'O'];
    if (features.length < 2) throw new Error(`conlleval: unexpected number of features in line ${JSON.stringify(line)}`);
    const [guessed, guessedType] = split(features[features.length - 1]);
    const [correct, correctType] = split(features[features.length - 2]);

    if (inCorrect) {
      const correctEnds = endOfChunk(lastCorrect, correct, lastCorrectType, correctType);
      const guessedEnds = endOfChunk(lastGuessed, guessed, lastGuessedType, guessedType);
      if (correctEnds && guessedEnds && lastGuessedType === lastCorrectType) {
        inCorrect = false;
        correctChunks++;
        add(correctByType, lastCorrectType);
      } else if (correctEnds !== guessedEnds || guessedType !== correctType) {
        inCorrect = false;
      }
    }
    const correctStarts = startOfChunk(lastCorrect, correct, lastCorrectType, correctType);
    const guessedStarts = startOfChunk(lastGuessed, guessed, lastGuessedType, guessedType);
    if (correctStarts && guessedStarts && guessedType === correctType) inCorrect = true;
    if (correctStarts) {
      foundCorrect++;
      add(foundCorrectByType, correctType);
    }
    if (guessedStarts) {
      foundGuessed++;
      add(foundGuessedByType, guessedType);
    }
    lastGuessed = guessed;
    lastCorrect = correct;
    lastGuessedType = guessedType;
    lastCorrectType = correctType;
  }
  if (inCorrect) {
    correctChunks++;
    add(correctByType, lastCorrectType);
  }

  const byType: ConllevalScores['byType'] = {};
  for (const type of [...new Set([...foundCorrectByType.keys(), ...foundGuessedByType.keys()])].sort()) {
    byType[type] = figures(correctByType.get(type) ?? 0, foundGuessedByType.get(type) ?? 0, foundCorrectByType.get(type) ?? 0);
  }
  return { ...figures(correctChunks, foundGuessed, foundCorrect), correctChunks, foundCorrect, foundGuessed, byType };
}

/**
 * conlleval's input from two exports of the same tokens: each token line "token correct guessed".
 * Throws if the exports do not have the same tokens line for line (they could not be compared).
 */
export function pairExports(correct: string, guessed: string): string {
  const correctLines = correct.split('\n');
  const guessedLines = guessed.split('\n');
  if (correctLines.length !== guessedLines.length) throw new Error(`the exports differ in length: ${correctLines.length} and ${guessedLines.length} lines`);
  return correctLines
    .map((line, i) => {
      if (line === '') {
        if (guessedLines[i] !== '') throw new Error(`line ${i + 1}: blank in one export only`);
        return '';
      }
      const [token, correctTag] = line.split(' ');
      const [guessedToken, guessedTag] = guessedLines[i].split(' ');
      if (token !== guessedToken) throw new Error(`line ${i + 1}: token ${JSON.stringify(token)} against ${JSON.stringify(guessedToken)}`);
      return `${token} ${correctTag} ${guessedTag}`;
    })
    .join('\n');
}
