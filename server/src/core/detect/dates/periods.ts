/** Years, fiscal years, decades, centuries, quarters and seasons: "in 2024", "2022-2024", "FY2024", "the 1990s", "the 19th century", "Q3 2024", "last winter". */
import type { NormalizedValue } from '../shared/detection';
import { calendarOf, isPlainYear, pad } from './calendar';
import { after, before, beforeWithStarts, candidate, charBefore, inSportsContext, NUMBER_GLUE_BEFORE, optionalNumber, pointsForward, readAfter, readBefore, type Reader, type Rule, type Scan, tokenBefore, triggerEnd } from './reading';
import { dateValue, relativePeriodValue, setValue, timexMod } from './values';
import { anyOf, ATTACHED_MODIFIER, DATE_CONTEXT, DATE_CONTEXT_TOKENS, FROM_TOKENS, PERIOD_MODIFIER_TOKENS, RELATIVE_SHIFTS, SEASON_CONTEXT_TOKENS, SEASON_WORDS, SEASONS, SP, YEAR, YEAR_NOUNS } from './vocabulary';

const TRAILING_YEAR_GUARD = `(?![\\w%]|[.,]\\d|\\s?[-–/]\\s?\\d)`;
/** After these, a number is as often a count as a year: "a total of 2000 drones", "by 2000 votes". */
const WEAK_YEAR_CONTEXTS = new Set(['of', 'by', 'from', 'between', 'around', 'as of']);
/** Words that may follow a year without making it a count of something. */
const AFTER_YEAR_WORDS = new Set(['and', 'or', 'to', 'through', 'until', 'till', 'when', 'while', 'as', 'with', 'the', 'in', 'on', 'at',
  'for', 'but', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'will', 'would', 'could', 'after', 'before', 'levels', 'figures', 'onwards',
  'onward', 'amid', 'despite', 'compared', 'because', 'if', 'that', 'which', 'it', 'he', 'she', 'they', 'we', 'a', 'an']);

const YEAR_CONTEXT_BEFORE = before(`(?:(?<![\\w])(?<context>${DATE_CONTEXT})${SP}|(?<![\\w-])(?<attached>${ATTACHED_MODIFIER}))`);
const AFTER_YEAR = after(`${TRAILING_YEAR_GUARD}(?:${SP}(?<next>[a-z]+))?`);

/** "in 2024", "since 2022", "by 2030", "mid-2025", "the end of 2023" */
const readYearInContext: Reader = (trigger, scan) => {
  if (!DATE_CONTEXT_TOKENS.has(tokenBefore(scan, trigger.index))) return undefined;
  const context = readBefore(scan.text, trigger.index, YEAR_CONTEXT_BEFORE);
  const rest = context && readAfter(scan.text, triggerEnd(trigger), AFTER_YEAR);
  if (!context || !rest) return undefined;
  const contextWord = context.groups['context']?.toLowerCase();
  const next = rest.groups!['next'];
  if (contextWord !== undefined && WEAK_YEAR_CONTEXTS.has(contextWord) && next !== undefined && !AFTER_YEAR_WORDS.has(next)) return undefined;
  return candidate('DATE', trigger.index, triggerEnd(trigger), 0.75, dateValue(trigger[0]), true);
};

const EVENT_NOUN_AFTER_YEAR = after(`(?=['’]s\\b|${SP}${YEAR_NOUNS}(?![\\w]))`);

/** "the 2024 election", "Ukraine's 2023 budget", "2022's invasion" */
const readYearBeforeNoun: Reader = (trigger, scan) => {
  if (NUMBER_GLUE_BEFORE.has(charBefore(scan.text, trigger.index))) return undefined;
  if (!readAfter(scan.text, triggerEnd(trigger), EVENT_NOUN_AFTER_YEAR)) return undefined;
  return candidate('DATE', trigger.index, triggerEnd(trigger), 0.65, dateValue(trigger[0]), true);
};

const SHORT_RANGE_AFTER_YEAR = after(`\\s?[-–/]\\s?(?<to>(?:19|20)?\\d{2})${TRAILING_YEAR_GUARD}`);
const FROM_BEFORE_YEAR = before(`(?<![\\w])(?:[Ff]rom|[Bb]etween)${SP}`);
const WORD_RANGE_AFTER_YEAR = after(`${SP}(?:to|and|until|through)${SP}(?<to>${YEAR})${TRAILING_YEAR_GUARD}`);

/**
 * "2022-2024", "2024-25", "1939–45": one span, a range. "from 2022 to 2024", "between 2020 and 2022": two dates, as
 * TimeML tags the ends of a range written in words; "from 2022" is read in context, and this reader adds "2024".
 */
const readYearRange: Reader = (trigger, scan) => {
  if (NUMBER_GLUE_BEFORE.has(charBefore(scan.text, trigger.index))) return undefined;
  const short = readAfter(scan.text, triggerEnd(trigger), SHORT_RANGE_AFTER_YEAR);
  const rest = short
    ?? (FROM_TOKENS.has(tokenBefore(scan, trigger.index)) && readBefore(scan.text, trigger.index, FROM_BEFORE_YEAR) ? readAfter(scan.text, triggerEnd(trigger), WORD_RANGE_AFTER_YEAR) : null);
  if (!rest) return undefined;
  const from = Number(trigger[0]);
  const toText = rest.groups!['to']!;
  const to = toText.length === 2 ? Math.floor(from / 100) * 100 + Number(toText) : Number(toText);
  if (to <= from || to - from > 100) return undefined;
  const end = rest.index + rest[0].length;
  if (short) return candidate('DATE', trigger.index, end, 0.8, dateValue(String(from), String(to)));
  return candidate('DATE', end - toText.length, end, 0.8, dateValue(toText), true);
};

const FISCAL_BEFORE_YEAR = before(`(?<![\\w])[Ff]iscal(?:${SP}[Yy]ear)?${SP}`);

/** "fiscal 2024", "fiscal year 2023" */
const readFiscalYear: Reader = (trigger, scan) => {
  const previous = tokenBefore(scan, trigger.index);
  if (previous !== 'fiscal' && previous !== 'year') return undefined;
  const fiscal = readBefore(scan.text, trigger.index, FISCAL_BEFORE_YEAR);
  return fiscal && candidate('DATE', fiscal.start, triggerEnd(trigger), 0.85, dateValue(trigger[0]));
};

export const yearRule: Rule = {
  trigger: new RegExp(`\\b${YEAR}\\b`, 'g'),
  startsWithDigit: true,
  readers: [readYearInContext, readYearBeforeNoun, readYearRange, readFiscalYear],
};

export const shortFiscalYearRule: Rule = {
  // "FY2024", "FY 2024", "FY24"
  trigger: new RegExp(`\\bFY ?(?<year>${YEAR}|\\d{2})\\b`, 'g'),
  startWords: ['FY'],
  readers: [(trigger) => candidate('DATE', trigger.index, triggerEnd(trigger), 0.85, dateValue(`20${trigger.groups!['year']!}`.slice(-4)))],
};

export const THE_BEFORE_PERIOD = before(`(?<![\\w])[Tt]he${SP}(?:(?<modifier>[Ee]arly|[Ll]ate|[Mm]id)(?:-|${SP}))?`);

export const decadeRule: Rule = {
  // "the 1990s", "the early 2000s", "the '90s", "the 1800s" (a century); not "in their 30s", an age
  trigger: /(?:\b(?<century>1[5-9]|20)(?<decade>\d)0s|\b(?<bare>\d)0s|['’](?<apostrophe>\d)0s)(?![\w'’])/g,
  startsWithDigit: 'or an apostrophe before one',
  readers: [
    (trigger, scan) => {
      const the = PERIOD_MODIFIER_TOKENS.has(tokenBefore(scan, trigger.index)) ? readBefore(scan.text, trigger.index, THE_BEFORE_PERIOD) : undefined;
      const { century, decade, bare, apostrophe } = trigger.groups!;
      if (bare !== undefined && !the) return undefined;
      const decadeDigit = decade ?? apostrophe ?? bare!;
      // TimeML writes a decade as its first three digits ("197" for the 1970s) and a century as its first two.
      let iso: string;
      if (century !== undefined) iso = decadeDigit === '0' && Number(century) < 20 ? century : `${century}${decadeDigit}`;
      // Two-digit decades: the '30s to '90s are last century's, the '00s to '20s this one's.
      else iso = `${Number(decadeDigit) >= 3 ? '19' : '20'}${decadeDigit}`;
      const mod = timexMod(the?.groups['modifier']);
      return candidate('DATE', the?.start ?? trigger.index, triggerEnd(trigger), century !== undefined ? 0.85 : 0.7, dateValue(iso, undefined, mod), true);
    },
  ],
};

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty-first': 21, 'twenty-second': 22,
};
const ORDINAL_BEFORE_CENTURY = before(
  `(?:(?<![\\w])[Tt]he${SP}(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ])?)?(?<![\\w-])(?<ordinal>\\d{1,2}(?:st|nd|rd|th)|${anyOf(Object.keys(ORDINAL_WORDS), { sentenceCase: true })})[- ]`,
);

export const centuryRule: Rule = {
  // "the 19th century", "the twenty-first century", "21st-century"
  trigger: /\bcentury\b/g,
  startWords: ['century'],
  readers: [
    (trigger, scan) => {
      if (!/(?:st|nd|rd|th)-?$/.test(tokenBefore(scan, trigger.index))) return undefined;
      const ordinalBefore = readBefore(scan.text, trigger.index, ORDINAL_BEFORE_CENTURY);
      if (!ordinalBefore) return undefined;
      const ordinalText = ordinalBefore.groups['ordinal']!.toLowerCase();
      const ordinal = ORDINAL_WORDS[ordinalText] ?? Number.parseInt(ordinalText, 10);
      if (!(ordinal >= 1 && ordinal <= 30)) return undefined;
      // ISO 8601 century: "18" is 1800–1899, which is how "the 19th century" is used.
      return candidate('DATE', ordinalBefore.start, triggerEnd(trigger), 0.85, dateValue(pad(ordinal - 1)));
    },
  ],
};

const QUARTER_ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 };

/** A quarter without a year is the latest one begun by the anchor date (results are reported after), or the next one when the sentence looks ahead. */
function quarterValue(scan: Scan, quarter: number, year: number | undefined, forward: boolean): NormalizedValue | undefined {
  if (year !== undefined) return dateValue(`${pad(year, 4)}-Q${quarter}`);
  if (scan.anchor === undefined) return undefined;
  const anchor = calendarOf(scan.anchor);
  const anchorQuarter = Math.ceil(anchor.month / 3);
  const resolvedYear = forward ? (quarter >= anchorQuarter ? anchor.year : anchor.year + 1) : quarter <= anchorQuarter ? anchor.year : anchor.year - 1;
  return isPlainYear(resolvedYear) ? dateValue(`${pad(resolvedYear, 4)}-Q${quarter}`) : undefined;
}

function relativeYear(scan: Scan, relative: string | undefined): number | undefined {
  if (relative === undefined || scan.anchor === undefined) return undefined;
  const year = calendarOf(scan.anchor).year;
  return relative === 'last' ? year - 1 : relative === 'next' ? year + 1 : year;
}

const YEAR_AFTER_QUARTER_CODE = after(`${SP}(?<year>${YEAR})(?![\\w])`);
const ORDINAL_BEFORE_QUARTER = before(`(?:(?<![\\w])[Tt]he${SP})?(?<![\\w])(?<ordinal>${anyOf(Object.keys(QUARTER_ORDINALS), { sentenceCase: true })})(?:${SP}|-)`);
const YEAR_AFTER_QUARTER = after(`(?:(?:${SP}of)?${SP}(?<year>${YEAR})|${SP}of${SP}(?<relative>this|last|next)${SP}year)(?![\\w])`);
const RELATIVE_BEFORE_QUARTER = before(`(?<![\\w])(?<relative>[Tt]his|[Ll]ast|[Nn]ext|[Cc]urrent)${SP}`);

/** "Q3 2024", "Q3", "H1 2024"; "H1" alone is a heading or a visa. */
const readQuarterCode: Reader = (trigger, scan) => {
  const code = trigger[0];
  if (code === 'quarter') return undefined;
  const yearAfter = readAfter(scan.text, triggerEnd(trigger), YEAR_AFTER_QUARTER_CODE);
  const end = yearAfter ? yearAfter.index + yearAfter[0].length : triggerEnd(trigger);
  const year = optionalNumber(yearAfter?.groups!['year']);
  if (code.startsWith('H')) return year === undefined ? undefined : candidate('DATE', trigger.index, end, 0.85, dateValue(`${year}-${code}`));
  const value = quarterValue(scan, Number(code[1]), year, pointsForward(scan.text, trigger.index));
  return candidate('DATE', trigger.index, end, year !== undefined ? 0.9 : 0.75, value);
};

/** "the third quarter (of 2024)", "third-quarter profit", "the fourth quarter of last year"; not a game's third quarter. */
const readOrdinalQuarter: Reader = (trigger, scan) => {
  if (trigger[0] !== 'quarter' || !(tokenBefore(scan, trigger.index).replace(/-$/, '') in QUARTER_ORDINALS)) return undefined;
  const ordinalBefore = readBefore(scan.text, trigger.index, ORDINAL_BEFORE_QUARTER);
  if (!ordinalBefore) return undefined;
  const yearAfter = readAfter(scan.text, triggerEnd(trigger), YEAR_AFTER_QUARTER);
  const end = yearAfter ? yearAfter.index + yearAfter[0].length : triggerEnd(trigger);
  if (!yearAfter && inSportsContext(scan.text, ordinalBefore.start, end)) return undefined;
  const quarter = QUARTER_ORDINALS[ordinalBefore.groups['ordinal']!.toLowerCase()]!;
  const yearText = yearAfter?.groups!['year'];
  const relative = yearAfter?.groups!['relative'];
  const year = yearText !== undefined ? Number(yearText) : relativeYear(scan, relative);
  const value = relative !== undefined && year === undefined ? undefined : quarterValue(scan, quarter, year, pointsForward(scan.text, ordinalBefore.start));
  return candidate('DATE', ordinalBefore.start, end, yearAfter ? 0.9 : 0.7, value);
};

/** "this quarter", "last quarter", "next quarter" */
const readRelativeQuarter: Reader = (trigger, scan) => {
  if (trigger[0] !== 'quarter' || !(tokenBefore(scan, trigger.index) in RELATIVE_SHIFTS)) return undefined;
  const relativeBefore = readBefore(scan.text, trigger.index, RELATIVE_BEFORE_QUARTER);
  if (!relativeBefore) return undefined;
  const shift = RELATIVE_SHIFTS[relativeBefore.groups['relative']!.toLowerCase()]!;
  return candidate('DATE', relativeBefore.start, triggerEnd(trigger), 0.8, relativePeriodValue(scan, 'quarter', shift));
};

export const quarterRule: Rule = {
  trigger: /\b(?:Q[1-4]|H[12]|quarter)\b/g,
  startWords: ['Q', 'H', 'quarter'],
  readers: [readQuarterCode, readOrdinalQuarter, readRelativeQuarter],
};

const SEASON_CODES: Readonly<Record<string, string>> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
/** Order of the seasons within a year, winter last: "last winter" in March is the one just ended. */
const SEASON_ORDER = ['SP', 'SU', 'FA', 'WI'];

function currentSeasonIndex(month: number): number {
  return month >= 3 && month <= 5 ? 0 : month >= 6 && month <= 8 ? 1 : month >= 9 && month <= 11 ? 2 : 3;
}

const SEASON_CONTEXT_BEFORE = beforeWithStarts(
  `(?:(?<![\\w])(?<context>[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|[Oo]ver|[Tt]hrough|[Tt]hroughout)${SP})?(?:(?<![\\w])(?<determiner>[Tt]his|[Ll]ast|[Nn]ext|[Ee]very|[Ee]ach|[Tt]he)${SP})?(?:(?<![\\w])(?<modifier>[Ee]arly|[Ll]ate|[Mm]id)(?:-|${SP}))?`,
);
const YEAR_AFTER_SEASON = after(`(?:${SP}of)?${SP}(?<year>${YEAR})(?![\\w])`);
const OF_AFTER = after(`${SP}of${SP}`);

function seasonYear(scan: Scan, season: string, determiner: string): number | undefined {
  if (scan.anchor === undefined || determiner === 'every' || determiner === 'each' || determiner === 'the') return undefined;
  const anchor = calendarOf(scan.anchor);
  const now = currentSeasonIndex(anchor.month);
  const baseYear = anchor.month <= 2 ? anchor.year - 1 : anchor.year; // January's winter began last December
  const wanted = SEASON_ORDER.indexOf(season);
  if (determiner === 'this') return baseYear;
  if (determiner === 'last') return wanted < now ? baseYear : baseYear - 1;
  return wanted > now ? baseYear : baseYear + 1;
}

export const seasonRule: Rule = {
  // "this summer", "last winter", "spring 2024", "the summer of 2023", "in the fall"; not "prices fall", "the fall of Bakhmut", "the Arab Spring"
  trigger: new RegExp(`\\b${SEASONS}\\b`, 'g'),
  startWords: SEASON_WORDS,
  readers: [
    (trigger, scan) => {
      const previous = tokenBefore(scan, trigger.index);
      const context = SEASON_CONTEXT_TOKENS.has(previous) ? readBefore(scan.text, trigger.index, SEASON_CONTEXT_BEFORE) : undefined;
      const yearAfter = readAfter(scan.text, triggerEnd(trigger), YEAR_AFTER_SEASON);
      const determiner = context?.groups['determiner']?.toLowerCase();
      const hasRelative = determiner !== undefined && determiner !== 'the';
      if (!yearAfter && !hasRelative && context?.groups['context'] === undefined) return undefined;
      const name = trigger[0];
      if (!yearAfter && !hasRelative && name[0] !== name[0]!.toLowerCase()) return undefined;
      if (!yearAfter && readAfter(scan.text, triggerEnd(trigger), OF_AFTER)) return undefined;
      const season = SEASON_CODES[name.toLowerCase()]!;
      const year = yearAfter ? Number(yearAfter.groups!['year']) : determiner === undefined ? undefined : seasonYear(scan, season, determiner);
      const start = context?.startOf('determiner') ?? context?.startOf('modifier') ?? trigger.index;
      const end = yearAfter ? yearAfter.index + yearAfter[0].length : triggerEnd(trigger);
      const recurring = determiner === 'every' || determiner === 'each' ? setValue(`XXXX-${season}`, determiner) : undefined;
      const value = recurring ?? (year === undefined ? undefined : dateValue(`${pad(year, 4)}-${season}`));
      return candidate('DATE', start, end, yearAfter || hasRelative ? 0.85 : 0.65, value);
    },
  ],
};
