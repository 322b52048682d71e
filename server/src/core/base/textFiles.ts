const BYTE_ORDER_MARK = '\uFEFF';

/**
 * The text without a leading byte order mark. Offsets count the text without it: VS Code's
 * document text has none, while Node's 'utf8' decoding keeps U+FEFF, so an article saved with one
 * (Notepad does) would otherwise put every offset the CLI or a closed-file reader computes one
 * code point after the editor's.
 */
export function withoutBom(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/**
 * Bytes of a file Marginalia writes back (a sidecar, a lexicon) as text: fatal, so that bytes that
 * are not UTF-8 are refused rather than turned into U+FFFD and saved; a byte order mark left by some
 * editor is dropped (the next write omits it). Throws a TypeError on bytes that are not UTF-8.
 */
export function decodeUtf8Strictly(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
