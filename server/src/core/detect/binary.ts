/**
 * Binary files decoded as text are full of NULs and replacement characters; detecting entities in
 * them only produces noise, so they yield nothing. Looks at a sample, not the whole file.
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const unit = sample.charCodeAt(i);
    if (unit === 0) return true;
    if (unit === 0xfffd || (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d && unit !== 0x0c)) suspicious++;
  }
  return suspicious > sample.length * 0.1;
}
