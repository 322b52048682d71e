/** Context tests for products: military or tech words nearby, lowercase heads after, model designators. */
import type { TokenList } from './tokenize';
import { PRODUCT_CONTEXT, PRODUCT_HEADS, DESIGNATOR_PREFIXES } from './curated/products';

const CONTEXT_WINDOW = 6;
const DESIGNATOR = /^([A-Za-z]{1,8})-(\d{1,4}[A-Za-z0-9]{0,3})$/;

/** True when a military/tech word appears within a few words in the same sentence ("Lancet drone", "Patriot batteries"). */
export function hasProductContext(tokens: TokenList, from: number, to: number): boolean {
  for (let i = from - 1; i >= Math.max(0, from - CONTEXT_WINDOW) && !endsSentence(tokens, i, from); i--) {
    if (PRODUCT_CONTEXT.has(tokens.text(i).toLowerCase())) return true;
  }
  for (let i = to; i < Math.min(tokens.length, to + CONTEXT_WINDOW) && !endsSentence(tokens, i, from); i++) {
    if (PRODUCT_CONTEXT.has(tokens.text(i).toLowerCase())) return true;
  }
  return false;
}

function endsSentence(tokens: TokenList, i: number, anchor: number): boolean {
  const text = tokens.text(i);
  return tokens.line(i) !== tokens.line(anchor) || text === '.' || text === '!' || text === '?';
}

/** The word at `index` is a lowercase product head ("missiles", "drones"). */
export function isProductHead(tokens: TokenList, index: number): boolean {
  return index < tokens.length && !tokens.isCapitalised(index) && PRODUCT_HEADS.has(tokens.text(index));
}

/** "Su-34", "Shahed-136", "Kh-101": a known prefix, a hyphen, digits. */
export function isModelDesignator(word: string): boolean {
  if (!word.includes('-')) return false;
  const match = DESIGNATOR.exec(word);
  return match !== null && DESIGNATOR_PREFIXES.has(match[1]!);
}
