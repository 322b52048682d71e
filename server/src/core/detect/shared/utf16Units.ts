/** Little-endian hosts read "utf16le" bytes as native Uint16 values; a big-endian host swaps them first. */
const BIG_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

/**
 * The UTF-16 units of `text` (lone surrogates included) in a typed array, copied natively. Scanners that read
 * every character index it instead of calling `charCodeAt`, which costs several times more per character,
 * most of all on a string sliced from another.
 */
export function utf16Units(text: string): Uint16Array {
  const native = nodeBuffer();
  if (native) {
    // Not zero-filled first: the copy writes every byte.
    const bytes = native.allocUnsafe(2 * text.length);
    bytes.write(text, 'utf16le');
    if (BIG_ENDIAN) bytes.swap16();
    return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  }
  // Elsewhere (a web worker), one unit at a time.
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/**
 * `units` when a caller passes the text's units in (one copy shared by several detectors), else a fresh copy. Units
 * of another length belong to another text: they are not trusted, since every offset read from them would be wrong.
 */
export function unitsOf(text: string, units: Uint16Array | undefined): Uint16Array {
  return units !== undefined && units.length === text.length ? units : utf16Units(text);
}

/** The slice of Node's Buffer the copy uses, found at run time: the core imports nothing of Node's and runs without it. */
interface NativeBuffer {
  allocUnsafe(size: number): Uint8Array & { write(text: string, encoding: 'utf16le'): number; swap16(): unknown };
}

function nodeBuffer(): NativeBuffer | undefined {
  return (globalThis as { Buffer?: NativeBuffer }).Buffer;
}
