/** A sidecar that cannot be read, parsed or written; the message starts with the sidecar's path. */
export class SidecarError extends Error {
  constructor(
    /** The sidecar file (not the article). */
    readonly path: string,
    /** What is wrong, without the path. */
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${problem}`, options);
    this.name = 'SidecarError';
  }
}
