/**
 * The reference date of articles that state none (marginalia.json → "referenceDate"): the date their
 * relative dates ("on Tuesday", "last week") are resolved against. One date for the whole corpus, or
 * read from each article's path, since news archives are filed by date ("2024/03/02/kovac.txt"). The
 * article's own date (core/detect/articleDate.ts) always wins: this only fills in where it is missing.
 */
import { z } from 'zod';
import { isCalendarDate } from '../base/calendarDate';
import { pathInside } from '../base/filePaths';

const ISO_DAY_EXAMPLE = 'a date as YYYY-MM-DD, such as 2024-03-02';

const CalendarDateSchema = z.string().superRefine((text, context) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) context.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is not ${ISO_DAY_EXAMPLE}` });
  else if (!isCalendarDate(text)) context.addIssue({ code: 'custom', message: `${text} is not a real day (${ISO_DAY_EXAMPLE})` });
});

const FromPathSchema = z
  .string()
  .min(1)
  .superRefine((pattern, context) => {
    const problem = patternProblem(pattern);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const ReferenceDateSchema = z
  .union([
    CalendarDateSchema.describe('One date (YYYY-MM-DD) for every article of the corpus that states none.'),
    z
      .strictObject({
        fromPath: FromPathSchema.describe(
          'A regular expression (JavaScript) searched in the article\'s path from this folder, "/"-separated: its groups give the date, three numbered groups as year, month, day, or groups named year, month and day. A path it does not match gets no reference date.',
        ),
      })
      .describe("The date read from each article's path (an archive filed by date)."),
  ])
  .describe('The date relative dates ("on Tuesday", "last week") are resolved against in an article that states no date of its own.');

export type ReferenceDateRule = z.infer<typeof ReferenceDateSchema>;

/** Where a reference date came from: the article's own text, its path, the project's one date, or the CLI's --reference-date. */
export type ReferenceSource = 'article' | 'path' | 'project' | 'command line';

export interface ReferenceDate {
  /** YYYY-MM-DD */
  date: string;
  from: ReferenceSource;
}

/** The reference date a rule gives an article, none, or why it gives none (a path naming a day that does not exist). */
export interface ReferenceLookup {
  reference?: ReferenceDate;
  /** Said naming the rule and the path: for a diagnostic on the article, or the CLI's stderr. */
  problem?: string;
  /** The day the path named that does not exist ("2024-02-30"), when that is the problem: for a hover. */
  unrealDay?: string;
}

/**
 * The rule's date for the article at `corpusPath` (relative to the folder of marginalia.json,
 * "/"-separated, so that a pattern means the same on every system).
 */
export function referenceDateFor(rule: ReferenceDateRule | undefined, corpusPath: string): ReferenceLookup {
  if (rule === undefined) return {};
  if (typeof rule === 'string') return isCalendarDate(rule) ? { reference: { date: rule, from: 'project' } } : {};
  const match = compiled(rule.fromPath)?.exec(corpusPath);
  if (!match) return {};
  const named = match.groups;
  const [year, month, day] = named && 'year' in named ? [named.year, named.month, named.day] : [match[1], match[2], match[3]];
  const date = `${year ?? ''}-${pad(month)}-${pad(day)}`;
  if (isCalendarDate(date)) return { reference: { date, from: 'path' } };
  return { problem: `referenceDate.fromPath in marginalia.json reads ${date} from the path ${corpusPath}, which is not a real day: relative dates are left without a value`, unrealDay: date };
}

/** Patterns compiled once: the editor asks for an article's reference date at every analysis. */
const compiledPatterns = new Map<string, RegExp | undefined>();

function compiled(pattern: string): RegExp | undefined {
  if (!compiledPatterns.has(pattern)) {
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(pattern);
    } catch {
      // The schema refused such a pattern already; a caller that skipped it gets no date, not a crash.
      regex = undefined;
    }
    compiledPatterns.set(pattern, regex);
  }
  return compiledPatterns.get(pattern);
}

/** "3" as "03"; anything else as it is, for the message. */
function pad(part: string | undefined): string {
  return part !== undefined && /^\d$/.test(part) ? `0${part}` : (part ?? '');
}

/** Why a fromPath pattern cannot give a date, or undefined when it can. */
function patternProblem(pattern: string): string | undefined {
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern);
  } catch (error) {
    return `not a regular expression (${(error as Error).message})`;
  }
  // Matching the empty alternative tells how many groups the pattern has, and their names.
  const groups = new RegExp(`${compiled.source}|`).exec('')!;
  const names = Object.keys(groups.groups ?? {}).filter((name) => ['year', 'month', 'day'].includes(name));
  if (names.length > 0) {
    const missing = ['year', 'month', 'day'].filter((name) => !names.includes(name));
    if (missing.length > 0) return `names the group ${names.join(' and ')} but no group ${missing.join(' or ')}`;
    return undefined;
  }
  if (groups.length - 1 < 3) return 'needs three groups, year, month and day in that order, or groups named year, month and day';
  return undefined;
}

/** Which reference a date's value was resolved against, in words for a hover. */
export function describeReference(reference: ReferenceDate | undefined, unrealDay?: string): string {
  if (!reference) return `no reference date: value left relative${unrealDay ? `; the path gives ${unrealDay}, not a real day` : ''}`;
  const from = { article: 'stated in the article', path: 'taken from the path', project: "the corpus's referenceDate (marginalia.json)", 'command line': 'given by --reference-date' }[reference.from];
  return `relative to ${reference.date}, ${from}`;
}

/**
 * The reference date of the article at `path` (absolute): the one the caller gives (the CLI's
 * --reference-date) first, else the rule of the project governing it. Either way the article's own
 * stated date still wins, in the detector.
 */
export function referenceDateOf(project: { folder: string; file: { referenceDate?: ReferenceDateRule } } | undefined, path: string, given?: string): ReferenceLookup {
  if (given !== undefined) return isCalendarDate(given) ? { reference: { date: given, from: 'command line' } } : {};
  if (project?.file.referenceDate === undefined) return {};
  const inside = pathInside(project.folder, path);
  return inside === undefined ? {} : referenceDateFor(project.file.referenceDate, inside);
}
