import type { z } from 'zod';

/** How many schema problems a message lists before summing up the rest. */
const ISSUES_SHOWN = 3;

/** "annotations[3].end: expected a number; …" — the first few issues, each with where it is. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, ISSUES_SHOWN).map((issue) => {
    const where = formatPath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const hidden = issues.length - shown.length;
  return shown.join('; ') + (hidden > 0 ? ` (and ${hidden} more problem${hidden === 1 ? '' : 's'})` : '');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
