/** Context tests for products: military or tech words nearby, lowercase heads after, model designators. */
import type { Token } from './tokenize';
import { PRODUCT_CONTEXT, PRODUCT_HEADS, DESIGNATOR_PREFIXES } from './curated/products';

const CONTEXT_WINDOW = 6;
const DESIGNATOR = /^([A-Za-z]{1,8})-(\d{1,4}[A-Za-z0-9]{0,3})$/;

/** True when a military/tech word appears within a few words in the same sentence ("Lancet drone", "Patriot batteries"). */
export function hasProductContext(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from - 1; i >= Math.max(0, from - CONTEXT_WINDOW) && !endsSentence(tokens, i, from); i--) {
    if (PRODUCT_CONTEXT.has(tokens[i]!.text.toLowerCase())) return true;
  }
  for (let i = to; i < Math.min(tokens.length, to + CONTEXT_WINDOW) && !endsSentence(tokens, i, from); i++) {
    if (PRODUCT_CONTEXT.has(tokens[i]!.text.toLowerCase())) return true;
  }
  return false;
}

function endsSentence(tokens: readonly Token[], i: number, anchor: number): boolean {
  const token = tokens[i]!;
  return token.line !== tokens[anchor]!.line || token.text === '.' || token.text === '!' || token.text === '?';
}

/** The word at `index` is a lowercase product head ("missiles", "drones"). */
export function isProductHead(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  return token !== undefined && !token.isCapitalised && PRODUCT_HEADS.has(token.text);
}

/** "Su-34", "Shahed-136", "Kh-101": a known prefix, a hyphen, digits. */
export function isModelDesignator(word: string): boolean {
  const match = DESIGNATOR.exec(word);
  return match !== null && DESIGNATOR_PREFIXES.has(match[1]!);
}
