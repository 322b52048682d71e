/**
 * Binary files decoded as text are full of NULs and replacement characters; detecting entities in
 * them only produces noise, so they yield nothing. Looks at a sample, not the whole file.
 */
const SAMPLE_LENGTH = 8192;

export function looksBinary(text: string): boolean {
  // The sample is read in place: slicing it off a large text first would copy it for nothing.
  const sampleLength = Math.min(text.length, SAMPLE_LENGTH);
  let suspicious = 0;
  for (let i = 0; i < sampleLength; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) return true;
    if (unit === 0xfffd || (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d && unit !== 0x0c)) suspicious++;
  }
  return suspicious > sampleLength * 0.1;
}
