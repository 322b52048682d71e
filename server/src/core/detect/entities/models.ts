/**
 * Products named by a model number or a market: "Quasar 5 tablets", "Pulsar X2 chip" (a name, a model code and
 * the kind of product after it), "Porsche 718", "Embraer 190" (a maker of vehicles and a model code), "Brent
 * crude", "West Texas Intermediate (WTI) crude" (the name of an oil grade before "crude"). A name with a number
 * and no such cue ("Gate 4", "Group 20") is left alone.
 */
import type { Scan } from './chunks';
import type { Finding } from './recognise';
import type { TokenList } from './tokenize';
import { isNameWord } from './recognise';
import { PRODUCT_HEADS } from './curated/products';
import { wordListBit } from './wordLists';

const MODEL_CODE = /^(?:\d{1,4}|[A-Z]{1,3}\d{1,4}[A-Za-z]{0,2})$/;
const YEAR = /^(?:19|20)\d\d$/;

/** Makers whose name with a model code is the product ("Boeing 787", "Porsche 911"). */
const VEHICLE_MAKERS: ReadonlySet<string> = new Set([
  'Boeing', 'Airbus', 'Embraer', 'Bombardier', 'Cessna', 'Gulfstream', 'Lockheed', 'Tupolev', 'Ilyushin', 'Antonov',
  'Sukhoi', 'Porsche', 'Ferrari', 'Peugeot', 'Volvo', 'Saab', 'BMW', 'Audi', 'Fiat', 'Renault', 'Lamborghini',
]);

/** The kind of product after a model code: the weapon and device heads, and what technology news sells. */
const MODEL_HEADS: ReadonlySet<string> = new Set([
  ...PRODUCT_HEADS, 'chip', 'chips', 'processor', 'processors', 'tablet', 'tablets', 'laptop', 'laptops', 'phone',
  'phones', 'handset', 'handsets', 'console', 'consoles', 'headset', 'headsets', 'camera', 'cameras', 'car', 'cars',
  'sedan', 'truck', 'trucks', 'aircraft', 'airliner', 'airliners', 'jetliner', 'jetliners', 'engine', 'engines',
  'model', 'models', 'device', 'devices', 'robot', 'robots', 'satellite', 'satellites', 'vaccine', 'router', 'routers',
]);

/** "the vaccine, called MV-Shield": a verb that names the product of the kind before it. */
const NAMING_VERBS: ReadonlySet<string> = new Set(['called', 'named', 'dubbed', 'codenamed']);

/** How far after a model code its product noun may be ("Quasar 5 data-center processors"). */
const HEAD_REACH = 3;

/** "7", "X2", "A320": a model code, not a year. */
export function isModelCode(word: string): boolean {
  return MODEL_CODE.test(word) && !YEAR.test(word);
}

const NO_ROLE = 0;
const CRUDE = 1;
const NAMING_VERB = 2;
const MODEL_CODE_ROLE = 3;
const CRUDE_WORD = wordListBit(['crude']);
const NAMING_VERB_WORD = wordListBit(NAMING_VERBS);

/** The role of a word, given the word lists that hold it (wordLists.ts). */
function modelRole(word: string, lists: number): number {
  if (lists & CRUDE_WORD) return CRUDE;
  if (lists & NAMING_VERB_WORD) return NAMING_VERB;
  // A model code starts with a digit or a capital: other words need no regex.
  const first = word.charCodeAt(0);
  const mayBeCode = (first >= 48 && first <= 57) || (first >= 65 && first <= 90);
  return mayBeCode && isModelCode(word) ? MODEL_CODE_ROLE : NO_ROLE;
}

/** By word id, its role here (NO_ROLE for most words); non-zero roles are where findModelProducts starts. */
export function modelRoles(tokens: TokenList): Uint8Array {
  // Asked once per distinct word: a regex and a set lookup per token were most of the cost.
  const roles = new Uint8Array(tokens.vocabulary.length);
  const lists = tokens.wordLists();
  for (let id = 0; id < roles.length; id++) roles[id] = modelRole(tokens.vocabulary[id]!, lists[id]!);
  return roles;
}

/**
 * Adds the products named by a model code or as a grade of crude, among tokens no finding covers yet. `starts`
 * are the tokens after the first whose word has a role in `roles` (modelRoles), in order (ruleStarts.ts).
 */
export function findModelProducts(scan: Scan, roles: Uint8Array, starts: Int32Array, findings: Finding[]): void {
  const { tokens, lines } = scan;
  const push = (from: number, to: number, confidence: number) => {
    // The product takes the place of what was read inside it ("Brent" the London borough, "rival Vortex" the
    // person); a finding reaching outside it ("ICE" before "Brent") stays and the product is not added.
    const inside: number[] = [];
    for (let n = 0; n < findings.length; n++) {
      const f = findings[n]!;
      if (f.toToken <= from || f.fromToken >= to) continue;
      if (f.fromToken < from || f.toToken > to) return;
      // "U.S. crude", "Canadian crude": a country or a nationality alone is where the oil comes from, not its grade
      // (in "West Texas Intermediate" it is part of one).
      const whole = f.fromToken === from && f.toToken === to;
      if (whole && (f.label === 'NORP' || (f.label === 'GPE' && f.evidence === 'gazetteer'))) return;
      inside.push(n);
    }
    for (let n = inside.length - 1; n >= 0; n--) findings.splice(inside[n]!, 1);
    findings.push({ start: tokens.start(from), end: tokens.end(to - 1), label: 'PRODUCT', confidence, fromToken: from, toToken: to, evidence: 'context' });
  };
  for (const i of starts) {
    const role = roles[tokens.wordId(i)]!;
    if (lines[tokens.line(i)] !== 'prose') continue;
    if (role === CRUDE) {
      crudeGrades(scan, i, push);
      continue;
    }
    if (role === NAMING_VERB) {
      namedAfterKind(scan, i, push);
      continue;
    }
    if (tokens.line(i - 1) !== tokens.line(i) || !tokens.isCapitalised(i - 1)) continue;
    const brand = tokens.text(i - 1);
    if (VEHICLE_MAKERS.has(brand)) push(i - 1, i + 1, 0.8);
    else if (isNameWord(brand, scan.lowercaseWords) && !tokens.opensSentence(i - 1) && headFollows(tokens, i + 1)) push(i - 1, i + 1, 0.75);
  }
}

function headFollows(tokens: TokenList, from: number): boolean {
  for (let i = from; i < from + HEAD_REACH && tokens.has(i) && tokens.isWord(i) && !tokens.isCapitalised(i); i++) {
    if (MODEL_HEADS.has(tokens.text(i))) return true;
  }
  return false;
}

/** The capitalised words right before "crude" at `crude`, and before "(WTI)" there, are grades of oil. */
function crudeGrades(scan: Scan, crude: number, push: (from: number, to: number, confidence: number) => void): void {
  const { tokens } = scan;
  let end = crude;
  if (tokens.text(end - 1) === ')' && end >= 3 && tokens.text(end - 3) === '(' && tokens.isCapitalised(end - 2)) {
    push(end - 2, end - 1, 0.75);
    end -= 3;
  }
  let start = end;
  // At most three words, and not the exchange's initials before the grade ("ICE Brent").
  while (start > 0 && end - start < 3 && tokens.line(start - 1) === tokens.line(crude) && tokens.isCapitalised(start - 1)) {
    const word = tokens.text(start - 1);
    if (word === word.toUpperCase() && start < end) break;
    if (tokens.opensSentence(start - 1) && start < end) break;
    start--;
  }
  if (start < end) push(start, end, 0.75);
}

/** "The drone, called Skarabey,": one name after a naming verb that follows the kind of product. */
function namedAfterKind(scan: Scan, verb: number, push: (from: number, to: number, confidence: number) => void): void {
  const { tokens } = scan;
  const name = verb + 1;
  let kind = verb - 1;
  if (tokens.has(kind) && tokens.text(kind) === ',') kind--;
  if (!tokens.has(kind) || !tokens.has(name) || !MODEL_HEADS.has(tokens.text(kind))) return;
  if (tokens.line(kind) !== tokens.line(name) || !tokens.isCapitalised(name)) return;
  // One name, hyphenated or not ("MV-Shield"): "called Skarabey" but not "called Kyiv Region".
  let end = name + 1;
  while (tokens.has(end) && tokens.isHyphenJoined(end)) end++;
  if (tokens.has(end) && tokens.line(end) === tokens.line(name) && tokens.isCapitalised(end)) return;
  push(name, end, 0.75);
}
