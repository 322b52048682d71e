/** The words dates are made of (months, weekdays, units, counts, context words) and the regex pieces built from them. */

/** Horizontal space only: a date never runs across a line break. */
export const SP = '[ \\t\\u00a0\\u202f]+';
/** Whether SP matches the character: a space, a tab, a no-break space or a narrow one. */
export function isSpaceOfSP(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x202f;
}

/** "last" → "[Ll]ast": a lowercase word, or the same word opening a sentence. */
function capitalizable(word: string): string {
  const first = word[0]!;
  return `[${first.toUpperCase()}${first}]${word.slice(1)}`;
}

export function anyOf(words: readonly string[], { sentenceCase = false } = {}): string {
  const longestFirst = [...words].sort((a, b) => b.length - a.length);
  return `(?:${longestFirst.map((word) => (sentenceCase ? capitalizable(word) : word)).join('|')})`;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const titleCase = (word: string): string => word[0]!.toUpperCase() + word.slice(1);
/** Months are only recognised in Title Case or ALL CAPS: "may" and "march" are verbs. */
export const MONTH_FULL_NAMES = new Set(MONTHS.flatMap((month) => [titleCase(month), month.toUpperCase()]));
export const MONTH_FULL = anyOf([...MONTH_FULL_NAMES]);
export const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'].flatMap((month) => [month, month.toUpperCase()]);
export const MONTH_ABBREVIATED = anyOf(MONTH_ABBREVIATIONS);
export const WEEKDAY_NAMES = WEEKDAYS.flatMap((day) => [titleCase(day), day.toUpperCase()]);
export const WEEKDAY = anyOf(WEEKDAY_NAMES);

export const DAY = '(?<day>[0-3]?\\d)(?:st|nd|rd|th)?';
export const YEAR = '(?:19|20)\\d{2}';
/** Years in full dates may be historical or far ahead; bare years are kept to 1900–2099. */
export const ANY_YEAR = '[12]\\d{3}';

const SMALL_NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const WORD_NUMBER = `(?:${anyOf(TENS_WORDS, { sentenceCase: true })}(?:[- ]${anyOf(SMALL_NUMBER_WORDS.slice(1, 10))})?|${anyOf(SMALL_NUMBER_WORDS, { sentenceCase: true })})(?:[- ]hundred)?`;
export const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const VAGUE_COUNT = anyOf(['a few', 'a couple of', 'a couple', 'several', 'many', 'dozens of', 'hundreds of', 'thousands of', 'tens of'], { sentenceCase: true });
/** A count of units: "24", "three", "twenty-five", "two and a half", "a dozen", "several", "a", "another". */
export const COUNT = `(?:(?:${DIGITS}|${WORD_NUMBER})${SP}and${SP}a${SP}half|${DIGITS}|${WORD_NUMBER}|${capitalizable('a')}${SP}dozen|${capitalizable('half')}${SP}an?|${VAGUE_COUNT}|${capitalizable('another')}|${capitalizable('an')}|${capitalizable('a')})`;

export const UNIT_WORDS = ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'fortnight', 'fortnights',
  'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'millennium', 'millennia'];
export const UNIT_ABBREVIATIONS = ['sec', 'secs', 'min', 'mins', 'hr', 'hrs', 'yr', 'yrs'];
export const UNIT = anyOf([...UNIT_WORDS, ...UNIT_ABBREVIATIONS]);

const TIME_ZONE = anyOf(['GMT', 'UTC', 'BST', 'CET', 'CEST', 'EET', 'EEST', 'MSK', 'ET', 'EST', 'EDT', 'CT', 'CST', 'CDT', 'MT', 'MST', 'MDT',
  'PT', 'PST', 'PDT', 'IST', 'JST', 'KST', 'AEST', 'AEDT', 'local time', 'Kyiv time', 'Kiev time', 'Moscow time']);
export const OPTIONAL_TIME_ZONE = `(?:${SP}${TIME_ZONE}(?:[+-]\\d{1,2}(?::?\\d{2})?)?(?![\\w]))?`;

/** Words before a bare month or year that make it read as a date ("in May", "since 2022"). */
export const DATE_CONTEXT = anyOf(['in', 'since', 'until', 'till', 'through', 'throughout', 'during', 'from', 'before', 'after', 'by', 'of',
  'early', 'late', 'mid', 'between', 'around', 'as of', 'starting', 'beginning', 'ending'], { sentenceCase: true });
export const ATTACHED_MODIFIER = anyOf(['mid-', 'end-', 'early-', 'late-'], { sentenceCase: true });

// The tokens that can end the phrases above, for cheap checks before a lookback regex runs.
export const DATE_CONTEXT_TOKENS = new Set(['in', 'since', 'until', 'till', 'through', 'throughout', 'during', 'from', 'before', 'after', 'by', 'of',
  'early', 'late', 'mid', 'between', 'around', 'starting', 'beginning', 'ending', 'mid-', 'end-', 'early-', 'late-', 'last', 'next', 'this', 'every', 'each']);
export const FROM_TOKENS = new Set(['from', 'between']);
export const PERIOD_MODIFIER_TOKENS = new Set(['the', 'early', 'late', 'mid', 'mid-', 'early-', 'late-']);
export const SEASON_CONTEXT_TOKENS = new Set(['in', 'during', 'since', 'until', 'by', 'over', 'through', 'throughout', 'this', 'last', 'next', 'every',
  'each', 'the', 'early', 'late', 'mid', 'mid-']);
export const RELATIVE_WEEKDAY_TOKENS = new Set(['last', 'next', 'this', 'every', 'each']);
export const CLOCK_CONTEXT_TOKENS = new Set(['at', 'by', 'until', 'till', 'from', 'before', 'after', 'around', 'about', 'since', 'between', 'and', 'to']);
export const TWILIGHT_CONTEXT_TOKENS = new Set(['at', 'before', 'after', 'until', 'by', 'from', 'since', 'till']);
export const BARE_PLURAL_CONTEXT_TOKENS = new Set(['for', 'over', 'in', 'within', 'after', 'take', 'takes', 'took', 'lasted', 'spent', 'spanning']);
export const EARLY_TOKENS = new Set(['early', 'small', 'wee']);
/** Last words of a count ("24", "three", "a", "a few", "dozens of", "two and a half", "three more"). */
const COUNT_END_TOKENS = new Set(['a', 'an', 'another', 'few', 'couple', 'several', 'many', 'of', 'half', 'dozen', 'hundred', 'more', 'additional',
  'extra', 'consecutive', 'straight', 'full']);

const NUMBER_TOKEN = new RegExp(`^(?:\\d|${WORD_NUMBER}$)`, 'i');

export function mayEndCount(token: string): boolean {
  return COUNT_END_TOKENS.has(token) || NUMBER_TOKEN.test(token);
}

export const PARTS_OF_DAY = anyOf(['morning', 'afternoon', 'evening', 'night']);
export const SEASON_WORDS = ['spring', 'summer', 'autumn', 'fall', 'winter', 'Spring', 'Summer', 'Autumn', 'Fall', 'Winter'];
export const SEASONS = anyOf(SEASON_WORDS);

/** Nouns after which a bare year names an event or period: "the 2024 election", "2023 budget". */
export const YEAR_NOUNS = anyOf(['election', 'elections', 'vote', 'ballot', 'campaign', 'race', 'primary', 'primaries', 'midterm', 'midterms',
  'census', 'budget', 'season', 'championship', 'tournament', 'final', 'finals', 'draft', 'edition', 'summit', 'invasion', 'war', 'crisis',
  'report', 'survey', 'referendum', 'presidential', 'parliamentary', 'general', 'local', 'annual', 'fiscal', 'financial', 'calendar',
  'Olympics', 'Olympic', 'Games', 'World Cup', 'Euro', 'Euros', 'Super Bowl', 'Oscars', 'Grammys', 'Paralympics']);

export function monthNumber(name: string): number {
  // Lower-cased once, not once for each month tried.
  const prefix = name.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((month) => month.startsWith(prefix)) + 1;
}

export function weekdayNumber(name: string): number {
  return WEEKDAYS.indexOf(name.toLowerCase());
}

/** "this year", "last quarter", "next week": how many periods away from the article date's. */
export const RELATIVE_SHIFTS: Readonly<Record<string, number>> = { this: 0, current: 0, last: -1, next: 1, coming: 1 };
