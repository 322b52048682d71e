/** Limits of the sidecar format, apart from its schema so that the VS Code client can use them without bundling zod. */

/** Longest comment a history entry keeps: a note, not an essay hidden in a one-line tag. */
export const MAX_COMMENT_LENGTH = 2000;

export const MAX_SIDECAR_BYTES = 64 * 1024 * 1024;
