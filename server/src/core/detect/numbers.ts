/**
 * Numeric expressions in English news, labelled the OntoNotes way: CARDINAL, ORDINAL, MONEY,
 * PERCENT and QUANTITY.
 *
 * Conventions an annotator should expect:
 * - Modifiers and scale words belong to the span: "nearly $50 billion", "more than 200", "1 million",
 *   "$1.2bn", "three million". A modifier marks the value approximate (money and numbers only: the
 *   percent and quantity values have no such field).
 * - Vague amounts carry a range whose lower bound is the value: "hundreds" 100..999, "thousands"
 *   1000..9999, "dozens" 24..99, "tens of thousands" 10000..99999, "hundreds of thousands"
 *   100000..999999, "several hundred" 300..900, "a few thousand" 2000..5000.
 * - Ranges are one span with min/max: "10-15", "10 to 15 people", "between 5% and 7%", "$10-15 million".
 *   "from 5% to 7%" reads as a change, so it stays two spans.
 * - Scores and tallies ("3-1", a "6-3 ruling") are one CARDINAL without a value: a score is not a count.
 * - Left to the date detector: numbers followed by a time unit ("2 min read", "three-year", "one to five
 *   years"), clock times ("6:04", "6 pm"), day numbers beside a month, and bare years 1900-2099 ("in 2024")
 *   unless a modifier, unit or currency comes with them or a plural noun follows ("fired 2000 rockets").
 * - Never tagged: digits glued to letters or hyphen-attached to a word (F-16, Su-34, COVID-19, G7, 5G,
 *   1990s), a bare number right after a capitalised word mid-sentence (iPhone 15, Boeing 737, Article 5),
 *   number words capitalised mid-sentence (World War Two), ordinals that open a name (Second World War,
 *   First Lady), URLs, e-mail addresses, hashtags, file names, phone numbers, codes with leading zeros.
 * - "one" is tagged only when it plainly counts something: "one dead and 11 injured", "at least one",
 *   "one million"; not "one of the", "no one", "the one".
 * - A glued "m" is million after a currency ("$5m") and metres otherwise ("100m"); "pounds" is money
 *   unless "of" follows ("5 pounds of flour").
 */
import type { NormalizedValue, Span } from '../detection';
import type { NumberLabel } from '../labels';
import { parseWordNumber } from './wordNumbers';
import { utf16Units } from './utf16Units';

// ---------------------------------------------------------------------------------------------
// Vocabulary

const MODIFIERS: readonly (readonly string[])[] = [
  ['no', 'more', 'than'], ['no', 'fewer', 'than'], ['no', 'less', 'than'], ['not', 'more', 'than'],
  ['more', 'than'], ['less', 'than'], ['fewer', 'than'], ['up', 'to'], ['at', 'least'], ['at', 'most'],
  ['as', 'many', 'as'], ['as', 'much', 'as'], ['as', 'few', 'as'], ['as', 'little', 'as'], ['close', 'to'],
  ['just', 'over'], ['just', 'under'], ['well', 'over'], ['an', 'estimated'], ['upwards', 'of'],
  ['in', 'excess', 'of'], ['nearly'], ['almost'], ['about'], ['around'], ['approximately'], ['roughly'],
  ['some'], ['over'], ['under'], ['estimated'], ['barely'], ['circa'], ['exactly'], ['above'], ['below'],
];
const MODIFIERS_BY_FIRST_WORD = groupByFirst(MODIFIERS);

/** Powers of ten written as words after a number: "1.5 billion". */
const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 2], ['thousand', 3], ['million', 6], ['billion', 9], ['trillion', 12],
]);
/** Abbreviated scales: "$1.2bn", "20k". Single letters count only after a currency ("$5m", "$3B"). */
const SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['bn', 9], ['mn', 6], ['mln', 6], ['tn', 12], ['trn', 12], ['k', 3], ['m', 6], ['b', 9], ['K', 3], ['M', 6], ['B', 9],
]);
const SCALES_NEEDING_CURRENCY = new Set(['m', 'b', 'K', 'M', 'B']);
const SCALES_ALLOWED_SPACED = new Set(['bn', 'mn', 'mln', 'tn', 'trn']);

/** "tens", "hundreds" …: the low end of the range, and how many times wider its high end is. */
const VAGUE_COUNTS: ReadonlyMap<string, { min: number; maxFactor: number }> = new Map([
  ['tens', { min: 10, maxFactor: 10 }],
  ['dozens', { min: 24, maxFactor: 100 / 24 }],
  ['hundreds', { min: 100, maxFactor: 10 }],
  ['thousands', { min: 1_000, maxFactor: 10 }],
  ['millions', { min: 1_000_000, maxFactor: 10 }],
  ['billions', { min: 1_000_000_000, maxFactor: 10 }],
]);
const VAGUE_MULTIPLES: ReadonlyMap<string, number> = new Map([['thousands', 1_000], ['millions', 1_000_000], ['billions', 1_000_000_000]]);
/** "several hundred" is 3..9 hundred, "a few thousand" 2..5 thousand. */
const FEW_AND_SEVERAL = { several: { low: 3, high: 9 }, few: { low: 2, high: 5 } } as const;

const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13],
  ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18],
  ['nineteenth', 19], ['twentieth', 20], ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50],
  ['sixtieth', 60], ['seventieth', 70], ['eightieth', 80], ['ninetieth', 90], ['hundredth', 100],
  ['thousandth', 1000], ['millionth', 1_000_000],
]);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/** Denominators of "two-thirds", "one half", "a quarter of": singular and plural spellings. */
const FRACTION_DENOMINATORS: ReadonlyMap<string, number> = new Map([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fifth', 5],
  ['fifths', 5], ['sixth', 6], ['sixths', 6], ['seventh', 7], ['sevenths', 7], ['eighth', 8], ['eighths', 8],
  ['ninth', 9], ['ninths', 9], ['tenth', 10], ['tenths', 10],
]);

/** A number before these is a duration or a date: the date detector's, not ours. */
const TIME_UNITS = new Set([
  'year', 'years', 'yr', 'yrs', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'hr',
  'hrs', 'h', 'minute', 'minutes', 'min', 'mins', 'second', 'seconds', 'sec', 'secs', 's', 'decade',
  'decades', 'century', 'centuries', 'millennium', 'millennia', 'fortnight', 'fortnights', 'night',
  'nights', 'weekend', 'weekends', 'am', 'pm', 'gmt', 'utc', 'cet', 'est',
  'edt', 'bst', 'pst', 'pdt', "o'clock", 'o’clock',
]);
const MONTHS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);
/** Words before a bare 19xx/20xx that make it a year ("in 2024"), even when a plural noun follows. */
const YEAR_CONTEXT = new Set([
  'in', 'since', 'by', 'of', 'from', 'until', 'till', 'to', 'through', 'during', 'before', 'after', 'for',
  'early', 'late', 'mid', 'and', 'or', 'the', 'a', 'an', 'year', 'between', 'around', 'circa', 'than',
]);

const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₴', 'UAH'], ['₽', 'RUB'], ['₹', 'INR'],
  ['₩', 'KRW'], ['₺', 'TRY'], ['₪', 'ILS'], ['₦', 'NGN'], ['₱', 'PHP'], ['₸', 'KZT'], ['₾', 'GEL'],
]);
/** Letters glued before "$": "US$20 million", "C$5". */
const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['US', 'USD'], ['C', 'CAD'], ['CA', 'CAD'], ['A', 'AUD'], ['AU', 'AUD'], ['NZ', 'NZD'], ['HK', 'HKD'],
  ['S', 'SGD'], ['NT', 'TWD'], ['R', 'BRL'], ['Mex', 'MXN'],
]);
const ISO_CURRENCIES = new Set([
  'USD', 'EUR', 'GBP', 'UAH', 'RUB', 'JPY', 'CNY', 'CHF', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'INR', 'KRW',
  'TRY', 'ILS', 'PLN', 'SEK', 'NOK', 'DKK', 'CZK', 'HUF', 'RON', 'BGN', 'BRL', 'MXN', 'ZAR', 'NGN', 'EGP',
  'SAR', 'AED', 'QAR', 'KZT', 'GEL', 'AZN', 'BYN', 'MDL', 'IRR', 'PKR', 'IDR', 'MYR', 'THB', 'VND', 'PHP',
  'TWD', 'ARS', 'CLP', 'COP', 'KES',
]);
/** Currency names after a number; an undefined code needs a country adjective ("Mexican pesos"). */
const CURRENCY_NOUNS: ReadonlyMap<string, string | undefined> = new Map([
  ...pairs(['dollar', 'dollars'], 'USD'), ...pairs(['euro', 'euros'], 'EUR'),
  ...pairs(['pound', 'pounds', 'sterling'], 'GBP'), ...pairs(['yen'], 'JPY'),
  ...pairs(['yuan', 'renminbi'], 'CNY'), ...pairs(['ruble', 'rubles', 'rouble', 'roubles'], 'RUB'),
  ...pairs(['hryvnia', 'hryvnias', 'hryvnas', 'hryvnya', 'hryvnyas'], 'UAH'),
  ...pairs(['franc', 'francs'], 'CHF'), ...pairs(['rupee', 'rupees'], 'INR'),
  ...pairs(['lira', 'liras', 'lire'], 'TRY'), ...pairs(['zloty', 'zlotys', 'zlotych'], 'PLN'),
  ...pairs(['shekel', 'shekels'], 'ILS'), ...pairs(['rand'], 'ZAR'), ...pairs(['naira'], 'NGN'),
  ...pairs(['reais'], 'BRL'), ...pairs(['dirham', 'dirhams'], 'AED'), ...pairs(['riyal', 'riyals'], 'SAR'),
  ...pairs(['rupiah'], 'IDR'), ...pairs(['ringgit'], 'MYR'), ...pairs(['baht'], 'THB'),
  ...pairs(['tenge'], 'KZT'), ...pairs(['lari'], 'GEL'), ...pairs(['forint', 'forints'], 'HUF'),
  ...pairs(['krona', 'kronor'], 'SEK'),
  ...pairs(['peso', 'pesos', 'krone', 'kroner', 'crown', 'crowns', 'dinar', 'dinars', 'won'], undefined),
]);
/** "50 cents": a hundredth of the dollar, or of the currency named before it. */
const CENT_NOUNS = new Set(['cent', 'cents']);
const CURRENCY_ADJECTIVES: ReadonlyMap<string, string> = new Map([
  ['US', 'USD'], ['American', 'USD'], ['Canadian', 'CAD'], ['Australian', 'AUD'], ['Swiss', 'CHF'],
  ['British', 'GBP'], ['Russian', 'RUB'], ['Ukrainian', 'UAH'], ['Japanese', 'JPY'], ['Chinese', 'CNY'],
  ['Indian', 'INR'], ['Turkish', 'TRY'], ['Polish', 'PLN'], ['Mexican', 'MXN'], ['Brazilian', 'BRL'],
  ['Argentine', 'ARS'], ['Argentinian', 'ARS'], ['Chilean', 'CLP'], ['Colombian', 'COP'],
  ['Philippine', 'PHP'], ['Egyptian', 'EGP'], ['Swedish', 'SEK'], ['Norwegian', 'NOK'], ['Danish', 'DKK'],
  ['Czech', 'CZK'], ['Hungarian', 'HUF'], ['Israeli', 'ILS'], ['Saudi', 'SAR'], ['Nigerian', 'NGN'],
  ['Kazakh', 'KZT'], ['Georgian', 'GEL'], ['Belarusian', 'BYN'], ['Iranian', 'IRR'], ['Pakistani', 'PKR'],
  ['Indonesian', 'IDR'], ['Malaysian', 'MYR'], ['Thai', 'THB'], ['Vietnamese', 'VND'], ['Korean', 'KRW'],
  ['Singapore', 'SGD'], ['Taiwan', 'TWD'], ['Taiwanese', 'TWD'], ['Romanian', 'RON'], ['Moldovan', 'MDL'],
  ['Serbian', 'RSD'], ['Jordanian', 'JOD'], ['Kuwaiti', 'KWD'], ['Iraqi', 'IQD'], ['Hong Kong', 'HKD'],
  ['New Zealand', 'NZD'], ['South African', 'ZAR'], ['South Korean', 'KRW'],
]);

const PERCENT_PHRASES: readonly { words: readonly string[]; power: number }[] = [
  { words: ['percentage', 'points'], power: -2 }, { words: ['percentage', 'point'], power: -2 },
  { words: ['basis', 'points'], power: -4 }, { words: ['basis', 'point'], power: -4 },
  { words: ['per', 'cent'], power: -2 }, { words: ['percent'], power: -2 }, { words: ['pct'], power: -2 },
  { words: ['bps'], power: -4 },
];

/** Spelled-out units, matched case-insensitively; canonical short forms. */
const WORD_UNITS: readonly [string, string][] = [
  ...unitForms(['kilometre', 'kilometer'], 'km'), ...unitForms(['metre', 'meter'], 'm'),
  ...unitForms(['centimetre', 'centimeter'], 'cm'), ...unitForms(['millimetre', 'millimeter'], 'mm'),
  ...unitForms(['mile'], 'mi'), ...unitForms(['nautical mile'], 'nmi'), ['foot', 'ft'], ['feet', 'ft'],
  ['inch', 'in'], ['inches', 'in'], ...unitForms(['yard'], 'yd'),
  ...unitForms(['kilogram', 'kilogramme', 'kilo'], 'kg'), ...unitForms(['gram', 'gramme'], 'g'),
  ...unitForms(['tonne', 'ton', 'metric ton', 'metric tonne'], 't'), ...unitForms(['ounce'], 'oz'),
  ...unitForms(['litre', 'liter'], 'L'), ...unitForms(['gallon'], 'gal'),
  ['barrels per day', 'bbl/d'], ['barrels a day', 'bbl/d'], ...unitForms(['barrel'], 'bbl'),
  ...unitForms(['cubic metre', 'cubic meter'], 'm3'), ['billion cubic metres', 'bcm'], ['billion cubic meters', 'bcm'],
  ...unitForms(['square kilometre', 'square kilometer'], 'km2'), ...unitForms(['square mile'], 'mi2'),
  ...unitForms(['square metre', 'square meter'], 'm2'), ['square feet', 'ft2'], ['square foot', 'ft2'],
  ...unitForms(['hectare'], 'ha'), ...unitForms(['acre'], 'ac'),
  ...unitForms(['megawatt'], 'MW'), ...unitForms(['gigawatt'], 'GW'), ...unitForms(['kilowatt'], 'kW'),
  ...unitForms(['megawatt hour', 'megawatt - hour'], 'MWh'), ...unitForms(['kilowatt hour', 'kilowatt - hour'], 'kWh'),
  ['miles per hour', 'mph'], ['miles an hour', 'mph'], ['kilometres per hour', 'km/h'],
  ['kilometers per hour', 'km/h'], ['kilometres an hour', 'km/h'], ['kilometers an hour', 'km/h'],
  ...unitForms(['knot'], 'kn'), ['degrees celsius', '°C'], ['degrees centigrade', '°C'],
  ['degrees fahrenheit', '°F'], ...unitForms(['degree'], '°'), ...unitForms(['megaton', 'megatonne'], 'Mt'),
  ...unitForms(['kiloton', 'kilotonne'], 'kt'), ...unitForms(['decibel'], 'dB'), ...unitForms(['volt'], 'V'),
  ...unitForms(['watt'], 'W'), ...unitForms(['gigabyte'], 'GB'), ...unitForms(['terabyte'], 'TB'),
  ...unitForms(['megabyte'], 'MB'), ...unitForms(['calibre', 'caliber'], 'mm'),
];
/** Abbreviated units, matched exactly (so "MW" is not "mw"); tokens are split as the tokenizer splits them. */
const ABBREVIATED_UNITS: readonly [string, string][] = [
  ['km', 'km'], ['m', 'm'], ['cm', 'cm'], ['mm', 'mm'], ['mi', 'mi'], ['nmi', 'nmi'], ['ft', 'ft'], ['kg', 'kg'],
  ['lb', 'lb'], ['lbs', 'lb'], ['oz', 'oz'], ['bbl', 'bbl'], ['bpd', 'bbl/d'], ['ha', 'ha'], ['MW', 'MW'],
  ['GW', 'GW'], ['kW', 'kW'], ['kWh', 'kWh'], ['MWh', 'MWh'], ['GWh', 'GWh'], ['TWh', 'TWh'], ['mph', 'mph'],
  ['kph', 'km/h'], ['km / h', 'km/h'], ['km 2', 'km2'], ['km ²', 'km2'], ['sq km', 'km2'], ['sq mi', 'mi2'],
  ['sq ft', 'ft2'], ['m 2', 'm2'], ['m ²', 'm2'], ['m 3', 'm3'], ['m ³', 'm3'], ['bcm', 'bcm'], ['kt', 'kt'],
  ['dB', 'dB'], ['GB', 'GB'], ['TB', 'TB'], ['MB', 'MB'], ['° C', '°C'], ['° F', '°F'], ['°', '°'],
];
/** Only right after the digits: "30C", "500g", "5t" (spaced, these letters are too ambiguous). */
const GLUED_ONLY_UNITS: ReadonlyMap<string, string> = new Map([['C', '°C'], ['g', 'g'], ['t', 't']]);

const WORD_UNITS_BY_FIRST = groupPatterns(WORD_UNITS, (word) => word.toLowerCase());
const ABBREVIATED_UNITS_BY_FIRST = groupPatterns(ABBREVIATED_UNITS, (word) => word);

/** Words around "3-1" that make it a score or a vote rather than a range. */
const SCORE_WORDS = new Set([
  'win', 'wins', 'won', 'victory', 'defeat', 'defeated', 'beat', 'beats', 'beating', 'lost', 'lose', 'loss',
  'draw', 'drew', 'drawn', 'lead', 'led', 'trail', 'trailed', 'trailing', 'score', 'scored', 'scoreline',
  'thrashed', 'thrashing', 'edged', 'ruling', 'ruled', 'vote', 'voted', 'votes', 'decision', 'majority',
  'margin', 'series', 'tie', 'tied', 'record', 'final', 'verdict', 'split',
]);

/** Nouns that make "one" a count: "one dead", "one soldier", "one count of fraud". */
const COUNTED_AFTER_ONE = new Set([
  'person', 'man', 'woman', 'child', 'boy', 'girl', 'baby', 'soldier', 'civilian', 'officer', 'policeman',
  'worker', 'journalist', 'resident', 'victim', 'casualty', 'player', 'goal', 'point', 'run', 'vote', 'seat',
  'dead', 'killed', 'injured', 'wounded', 'hurt', 'missing', 'drone', 'missile', 'rocket', 'shell', 'tank',
  'aircraft', 'plane', 'jet', 'helicopter', 'ship', 'vessel', 'bomb', 'member', 'judge', 'juror', 'count',
  'charge', 'felony', 'misdemeanor', 'conviction', 'defendant', 'suspect', 'death', 'fatality', 'injury',
  'hostage', 'prisoner', 'detainee', 'passenger', 'patient', 'student', 'teacher', 'doctor', 'villager',
  'fighter', 'militant', 'troop', 'gunman', 'attacker', 'assailant', 'inmate', 'refugee', 'migrant',
]);
/** Words before "one" that make it a pronoun: "no one", "the one", "which one". */
const PRONOUN_BEFORE_ONE = new Set([
  'no', 'any', 'every', 'each', 'some', 'the', 'this', 'that', 'which', 'such', 'another', 'other', 'last',
  'little', 'loved', 'new', 'old', 'big', 'right', 'wrong', 'same',
]);
/** Words that join counts in a list: "one dead and 11 injured", "one or two". */
const LIST_JOINERS = new Set(['and', 'or', ',', 'to', 'in']);
/** Modifiers that are also prepositions: "about one of", "around 2030" need the same checks as a bare number. */
const PREPOSITION_MODIFIERS = new Set(['about', 'around', 'over', 'under', 'above', 'below', 'some', 'circa']);

// ---------------------------------------------------------------------------------------------
// Tokens

type TokenKind = 'num' | 'word' | 'sym';

/** A token of text[start, end); most are only ever looked at by kind, so their text is sliced on first use. */
class Token {
  /** Part of a URL, e-mail address, hashtag, file name, phone number or code: never a number here. */
  blocked = false;
  private sliced: string | undefined;

  constructor(
    readonly kind: TokenKind,
    readonly start: number,
    readonly end: number,
    /** Whitespace before the token: 0 none (glued), 1 spaces, 2 a line break or the start of the text. */
    readonly gap: 0 | 1 | 2,
    private readonly source: string,
  ) {}

  get text(): string {
    return (this.sliced ??= this.source.slice(this.start, this.end));
  }
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Whole whitespace-separated chunks that are addresses or names of things, not prose. */
const JUNK_CHUNK =
  /^[^\p{L}\p{N}]*(?:[#@]|https?:|www\.)|:\/\/|[\p{L}\p{N}]@[\p{L}\p{N}]|\/[^/]*\/|_|\.(?:com|org|net|gov|edu|mil|int|info|io|co|ua|ru|uk|eu|de|fr|pl|news|html?|php|aspx?|jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|pptx?|csv|txt|zip|mp[34]|mov)(?![\p{L}\p{N}])/iu;
const VALID_DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const LETTER_OR_MARK_UNIT = 1;
const OTHER_UNIT = 2;
/** Whether each UTF-16 unit from U+00C0 on is a letter or mark, worked out on first sight: a regex per character is slow. */
const letterOrMarkCache = new Uint8Array(65536);

function isLetter(code: number): boolean {
  const lower = code | 32;
  if (lower >= 97 && lower <= 122) return true;
  if (code < 0xc0) return false;
  let cached = letterOrMarkCache[code]!;
  if (cached === 0) {
    cached = LETTER_OR_MARK.test(String.fromCharCode(code)) ? LETTER_OR_MARK_UNIT : OTHER_UNIT;
    letterOrMarkCache[code] = cached;
  }
  return cached === LETTER_OR_MARK_UNIT;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** Characters that make a chunk worth checking against JUNK_CHUNK. */
function isSuspicious(units: Uint16Array, index: number): boolean {
  const code = units[index]!;
  if (code === 0x40 || code === 0x2f || code === 0x23 || code === 0x5f || code === 0x5c || code === 0x3d) return true;
  return code === 0x2e && index + 1 < units.length && isLetter(units[index + 1]!) && index > 0 && !isSpace(units[index - 1]!);
}

/** Tokens of text[from, to) (`units` are its UTF-16 units); both ends lie on whitespace or the ends of the text. */
function tokenize(text: string, units: Uint16Array, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const length = to;
  let gap = gapBefore(units, from);
  let chunkStart = from;
  let chunkFirstToken = 0;
  let chunkSuspicious = false;

  const closeChunk = (end: number): void => {
    if (chunkSuspicious && JUNK_CHUNK.test(text.slice(chunkStart, end))) {
      for (let t = chunkFirstToken; t < tokens.length; t++) tokens[t].blocked = true;
    }
    chunkSuspicious = false;
  };

  let i = from;
  while (i < length) {
    const code = units[i]!;
    if (isSpace(code)) {
      if (gap === 0) closeChunk(i);
      gap = isLineBreak(code) || gap === 2 ? 2 : 1;
      i++;
      continue;
    }
    if (gap !== 0) {
      chunkStart = i;
      chunkFirstToken = tokens.length;
    }
    const start = i;
    let kind: TokenKind;
    if (isDigit(code)) {
      kind = 'num';
      i++;
      while (i < length) {
        const next = units[i]!;
        if (isDigit(next)) i++;
        else if ((next === 0x2c || next === 0x2e) && i + 1 < length && isDigit(units[i + 1]!)) i += 2;
        else break;
      }
    } else if (isLetter(code)) {
      kind = 'word';
      i++;
      while (i < length) {
        const next = units[i]!;
        if (isLetter(next)) i++;
        else if (isApostrophe(next) && i + 1 < length && isLetter(units[i + 1]!)) i += 2;
        else break;
      }
    } else {
      kind = 'sym';
      if (!chunkSuspicious && isSuspicious(units, i)) chunkSuspicious = true;
      // Keep a surrogate pair together so that no token splits a character.
      i += code >= 0xd800 && code <= 0xdbff && i + 1 < length && (units[i + 1]! & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    tokens.push(new Token(kind, start, i, gap, text));
    gap = 0;
  }
  closeChunk(length);
  return tokens;
}

/** Whether the whitespace before `index` holds a line break (or `index` starts the text). */
function gapBefore(units: Uint16Array, index: number): 0 | 1 | 2 {
  if (index === 0) return 2;
  let k = index - 1;
  if (!isSpace(units[k]!)) return 0;
  // Bounded: a run of thousands of spaces says nothing more than a few do.
  for (; k >= 0 && k >= index - 64 && isSpace(units[k]!); k--) {
    if (isLineBreak(units[k]!)) return 2;
  }
  return k < 0 ? 2 : 1;
}

// ---------------------------------------------------------------------------------------------
// Where to look: only around digits, currency signs and number words

/**
 * Words that every number phrase contains at least one of (with digits and currency signs); their
 * values come from parseWordNumber and the tables above. Only the text around these is tokenized.
 */
const ANCHOR_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty',
  'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion',
  'trillion', 'dozen', ...VAGUE_COUNTS.keys(), ...ORDINAL_WORDS.keys(), ...FRACTION_DENOMINATORS.keys(),
];
const ANCHOR_WORD_SET: ReadonlySet<string> = new Set(ANCHOR_WORDS);
/** For the rare text with a "İ", whose lower-case form is longer: the same search, case-insensitive on the text itself. */
const ANCHOR_ANY_CASE = new RegExp(
  `\\d+|[${[...CURRENCY_SYMBOLS.keys()].join('').replace('$', '\\$')}]|\\b(?:${[...ANCHOR_WORD_SET].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'gi',
);
/** Words a match can begin with, in lower case, and the case-sensitive currency prefixes ("US$", "UAH"). */
const START_WORDS = new Set<string>([
  ...ANCHOR_WORDS, ...MODIFIERS_BY_FIRST_WORD.keys(), 'a', 'an', 'between', 'several', ...DOLLAR_PREFIXES.keys(),
  ...ISO_CURRENCIES, 'Rs',
]);
/** Context kept around an anchor: room for "in excess of" before it and "kilometres per hour" after. */
const CONTEXT_BEFORE = 40;
const CONTEXT_AFTER = 64;

const KELVIN_SIGN = 0x212a;
const CAPITAL_I_WITH_DOT = 0x130;

/**
 * What each UTF-16 unit is to the anchor search: part of a word as a regex \b sees the lower-cased text
 * (a letter, digit or "_"; the Kelvin sign lower-cases to "k"), a currency sign (each is one unit), a "İ",
 * or nothing (0). One table lookup per character instead of range tests and a set lookup.
 */
const LETTER = 1;
const DIGIT = 2;
const CURRENCY_SIGN = 3;
const DOTTED_CAPITAL_I = 4;
const CHARACTER_KINDS = new Uint8Array(65536);
for (let code = 0; code < 128; code++) {
  if (isDigit(code)) CHARACTER_KINDS[code] = DIGIT;
  else if (((code | 32) >= 97 && (code | 32) <= 122) || code === 0x5f) CHARACTER_KINDS[code] = LETTER;
}
CHARACTER_KINDS[KELVIN_SIGN] = LETTER;
for (const symbol of CURRENCY_SYMBOLS.keys()) CHARACTER_KINDS[symbol.charCodeAt(0)] = CURRENCY_SIGN;
CHARACTER_KINDS[CAPITAL_I_WITH_DOT] = DOTTED_CAPITAL_I;

function isCurrencySign(code: number): boolean {
  return CHARACTER_KINDS[code] === CURRENCY_SIGN;
}

/** A hash of a word's lower-cased letters, computed while scanning, so that most words never become strings. */
function hashLetters(hash: number, code: number): number {
  return (Math.imul(hash, 31) + (code | 32)) | 0;
}

const HASH_FILTER_MASK = 0xffff;
/** Set at the (masked) hash of every anchor word; words that miss it cannot be anchors. */
const ANCHOR_HASHES = new Uint8Array(HASH_FILTER_MASK + 1);
for (const word of ANCHOR_WORD_SET) {
  let hash = 0;
  for (let k = 0; k < word.length; k++) hash = hashLetters(hash, word.charCodeAt(k));
  ANCHOR_HASHES[hash & HASH_FILTER_MASK] = 1;
}

/** Set at the (masked) hash of every start word, so that most words need no lower-casing or set lookup. */
const START_HASHES = new Uint8Array(HASH_FILTER_MASK + 1);
for (const word of START_WORDS) {
  let hash = 0;
  for (let k = 0; k < word.length; k++) hash = hashLetters(hash, word.charCodeAt(k));
  START_HASHES[hash & HASH_FILTER_MASK] = 1;
}

/** False for a word units[start, end) that is a start word in no case; only ASCII letters fold to lower case by "| 32". */
function mayBeStartWord(units: Uint16Array, start: number, end: number): boolean {
  let hash = 0;
  for (let k = start; k < end; k++) {
    const code = units[k]!;
    if (code >= 128) return true;
    hash = hashLetters(hash, code);
  }
  return START_HASHES[hash & HASH_FILTER_MASK] === 1;
}

/**
 * Start and end offsets, flattened, of the anchors: digit runs, currency signs, and whole words
 * (bounded as a regex \b bounds them in the lower-cased text) that are anchor words in any case.
 * Undefined when the text holds a "İ", which lower-cases to two characters.
 */
function anchorsOf(text: string, units: Uint16Array): number[] | undefined {
  const anchors: number[] = [];
  const length = units.length;
  let i = 0;
  while (i < length) {
    const kind = CHARACTER_KINDS[units[i]!]!;
    if (kind !== LETTER && kind !== DIGIT) {
      if (kind === DOTTED_CAPITAL_I) return undefined;
      if (kind === CURRENCY_SIGN) anchors.push(i, i + 1);
      i++;
      continue;
    }
    // A run of word characters: an anchor word only as a whole; otherwise only its digits count.
    const start = i;
    let hash = 0;
    let hasDigits = false;
    for (; i < length; i++) {
      const next = units[i]!;
      const nextKind = CHARACTER_KINDS[next];
      if (nextKind === LETTER) hash = hashLetters(hash, next);
      else if (nextKind === DIGIT) hasDigits = true;
      else break;
    }
    if (!hasDigits) {
      if (ANCHOR_HASHES[hash & HASH_FILTER_MASK] === 1 && ANCHOR_WORD_SET.has(text.slice(start, i).toLowerCase())) anchors.push(start, i);
      continue;
    }
    for (let k = start; k < i; k++) {
      if (!isDigit(units[k]!)) continue;
      const digitsStart = k;
      while (k < i && isDigit(units[k]!)) k++;
      anchors.push(digitsStart, k);
    }
  }
  return anchors;
}

function anchorsOfAnyCase(text: string): number[] {
  const anchors: number[] = [];
  ANCHOR_ANY_CASE.lastIndex = 0;
  for (let anchor = ANCHOR_ANY_CASE.exec(text); anchor !== null; anchor = ANCHOR_ANY_CASE.exec(text)) anchors.push(anchor.index, anchor.index + anchor[0].length);
  return anchors;
}

/** Disjoint stretches of the text, cut at whitespace, that hold every anchor with its context. */
function segmentsToScan(text: string, units: Uint16Array): [number, number][] {
  const segments: [number, number][] = [];
  const length = units.length;
  const anchors = anchorsOf(text, units) ?? anchorsOfAnyCase(text);
  for (let a = 0; a < anchors.length; a += 2) {
    const last = segments[segments.length - 1];
    const from = Math.max(0, anchors[a] - CONTEXT_BEFORE);
    // Scan forward from where the previous segment ended, so a long chunk is walked once.
    let to = Math.max(Math.min(length, anchors[a + 1] + CONTEXT_AFTER), last?.[1] ?? 0);
    while (to < length && !isSpace(units[to]!)) to++;
    if (last !== undefined && from <= last[1]) {
      last[1] = to;
      continue;
    }
    let start = from;
    const floor = last?.[1] ?? 0;
    while (start > floor && !isSpace(units[start - 1]!)) start--;
    if (last !== undefined && start <= last[1]) last[1] = to;
    else segments.push([start, to]);
  }
  return segments;
}

// ---------------------------------------------------------------------------------------------
// Blocking digits that are parts of codes, names, times, dates or phone numbers

const DASHES = new Set(['-', '–']);

function blockCodesAndClusters(tokens: Token[]): void {
  let previousNumber = -1;
  let cluster: number[] = [];
  let clusterIsJunk = false;

  const closeCluster = (): void => {
    // Two groups joined by a dash are a range or a score, unless one is a year, a phone number or
    // otherwise blocked ("2014-2022", "555-1234", "No. 22-451").
    const junk =
      clusterIsJunk || cluster.length >= 3 ||
      (cluster.length === 2 && cluster.some((index) => tokens[index].blocked || !isShortAmount(tokens[index].text)));
    if (junk) for (const index of cluster) tokens[index].blocked = true;
    cluster = [];
    clusterIsJunk = false;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'num') continue;
    if (isAttachedToWord(tokens, i) || isNumbered(tokens, i) || !VALID_DIGITS.test(token.text) || looksLikeCode(token.text)) token.blocked = true;

    const link = previousNumber >= 0 ? linkBetween(tokens, previousNumber, i) : undefined;
    if (link === undefined) closeCluster();
    else if (link !== 'dash') clusterIsJunk = true;
    cluster.push(i);
    previousNumber = i;
  }
  closeCluster();
}

/** "F-16", "COVID-19", "G7", "time4", "'90s", ".5": digits that continue something else. */
function isAttachedToWord(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (token.gap !== 0 || index === 0) return false;
  const previous = tokens[index - 1];
  if (previous.kind === 'word') return !ISO_CURRENCIES.has(previous.text) && previous.text !== 'Rs';
  if (previous.kind !== 'sym') return false;
  if (DASHES.has(previous.text)) return index >= 2 && previous.gap === 0 && tokens[index - 2].kind === 'word';
  if (isApostrophe(previous.text.charCodeAt(0))) return token.text.length === 2;
  return previous.text === '.' || previous.text === '#' || previous.text === '_' || previous.text === '\\';
}

/** "No. 22-451", "Nos. 3", "no. 1": a case, rank or item number, not an amount. */
function isNumbered(tokens: readonly Token[], index: number): boolean {
  const dot = tokens[index - 1];
  const word = tokens[index - 2];
  return dot?.text === '.' && dot.gap === 0 && word?.kind === 'word' && /^nos?$/i.test(word.text);
}

function isShortAmount(digits: string): boolean {
  return digits.includes(',') || integerPart(digits).length <= 3;
}

function integerPart(digits: string): string {
  const point = digits.indexOf('.');
  return point < 0 ? digits : digits.slice(0, point);
}

/** Leading zeros ("007", "0123") and long digit strings without separators are codes, not amounts. */
function looksLikeCode(digits: string): boolean {
  const integer = integerPart(digits);
  return (integer.length > 1 && integer.startsWith('0')) || (integer.length >= 7 && !integer.includes(','));
}

/**
 * How two nearby digit groups are joined: 'dash' ("3-1", "10-15"), 'junk' (times "6:04", dates "10/26",
 * phone numbers "202 555", "(202) 555"), or undefined when they are separate numbers.
 */
function linkBetween(tokens: readonly Token[], left: number, right: number): 'dash' | 'junk' | undefined {
  const between = right - left - 1;
  if (between === 0) return tokens[right].gap === 1 ? 'junk' : undefined;
  if (between !== 1) return undefined;
  const symbol = tokens[left + 1];
  if (symbol.kind !== 'sym' || symbol.gap === 2 || tokens[right].gap === 2) return undefined;
  const glued = symbol.gap === 0 && tokens[right].gap === 0;
  if (symbol.text === ':' || symbol.text === '/') return glued ? 'junk' : undefined;
  if (DASHES.has(symbol.text) && glued) return 'dash';
  // "(202) 555", "+1 (202)"
  const areaCodeFirst = symbol.text === ')' && symbol.gap === 0 && tokens[left - 1]?.text === '(' && tokens[right].gap === 1;
  const areaCodeSecond = symbol.text === '(' && symbol.gap === 1 && tokens[right].gap === 0 && tokens[left - 1]?.text === '+';
  return areaCodeFirst || areaCodeSecond ? 'junk' : undefined;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** The number itself, before any currency or unit: "800", "1.5 billion", "tens of thousands", "10-15". */
interface Core {
  next: number;
  value: number;
  min?: number;
  max?: number;
  form: 'digits' | 'words' | 'vague';
  /** The power of ten applied by a scale word, so that "$10 to 15 million" can lend it to "10". */
  power: number;
  /** Text of the digits as written, for exact decimal scaling. */
  digits?: string;
  /** "3-1", "6-3": a score or a tally, which has no single value. */
  tally: boolean;
  /** A bare 19xx/20xx, probably a year. */
  yearLike: boolean;
  /** "one" on its own, which is more often a pronoun than a count. */
  bareOne: boolean;
}

type Measure =
  | { kind: 'percent'; power: number; next: number }
  | { kind: 'money'; currency: string; hundredths: boolean; next: number }
  | { kind: 'unit'; unit: string; next: number }
  | { kind: 'plain'; next: number };

interface Phrase {
  start: number;
  next: number;
  core: Core;
  measure: Measure;
  /** The modifier as written in lower case ("more than"), if any. */
  modifier?: string;
}

/** A duration, time or date ("three years", "6 pm", "4 November"): none of ours; resume at `next`. */
interface Skip {
  skip: true;
  next: number;
}

interface Match {
  span?: Span;
  next: number;
}

/** parseWordNumber for one lower-cased word, remembered: it is asked about most words of the text. */
const wordValues = new Map<string, number | undefined>();
const WORD_CACHE_LIMIT = 50_000;

function wordValue(lower: string): number | undefined {
  if (wordValues.has(lower)) return wordValues.get(lower);
  const value = lower.length <= 9 ? parseWordNumber(lower) : undefined;
  if (wordValues.size < WORD_CACHE_LIMIT) wordValues.set(lower, value);
  return value;
}

/** A word of a number phrase ("five", "thousand"), not "a", "an", "half" or "dozen". */
function isNumberWord(lower: string): boolean {
  if (SCALE_WORDS.has(lower)) return true;
  const value = wordValue(lower);
  return value !== undefined && Number.isInteger(value) && lower !== 'a' && lower !== 'an' && lower !== 'dozen';
}

/** text.toLowerCase(), without its cost for the many words that hold no capital and no accent. */
function toLowerCase(text: string): string {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if ((code >= 65 && code <= 90) || code >= 128) return text.toLowerCase();
  }
  return text;
}

function scaleByPowerOfTen(value: number, power: number): number {
  if (power === 0) return value;
  const written = String(value);
  return written.includes('e') ? value * 10 ** power : Number(`${written}e${power}`);
}

class NumberScanner {
  private readonly lowered: (string | undefined)[];

  constructor(
    private readonly tokens: readonly Token[],
    /** The UTF-16 units of the text the tokens come from. */
    private readonly units: Uint16Array,
  ) {
    this.lowered = new Array<string | undefined>(tokens.length);
  }

  scan(): Span[] {
    const spans: Span[] = [];
    for (let i = 0; i < this.tokens.length; ) {
      const match = this.couldStart(i) ? this.matchAt(i) : undefined;
      if (match) {
        if (match.span) spans.push(match.span);
        i = match.next;
      } else {
        i++;
      }
    }
    return spans;
  }

  // --- token helpers --------------------------------------------------------------------------

  private lower(index: number): string {
    let lowered = this.lowered[index];
    if (lowered === undefined) {
      const token = this.tokens[index];
      lowered = token === undefined ? '' : toLowerCase(token.text);
      this.lowered[index] = lowered;
    }
    return lowered;
  }

  private isWord(index: number, lower: string): boolean {
    return this.tokens[index]?.kind === 'word' && this.lower(index) === lower;
  }

  /** The token at `index` follows on the same line (not across a paragraph or a line of page furniture). */
  private continues(index: number): boolean {
    const token = this.tokens[index];
    return token !== undefined && token.gap !== 2;
  }

  private glued(index: number): boolean {
    const token = this.tokens[index];
    return token !== undefined && token.gap === 0;
  }

  private isCapitalised(index: number): boolean {
    const token = this.tokens[index];
    return token?.kind === 'word' && token.text[0] !== token.text[0].toLowerCase();
  }

  /** First word of a sentence, a line, a quotation or a heading, where capitals say nothing about names. */
  private startsSentence(index: number): boolean {
    const token = this.tokens[index];
    if (token === undefined || token.gap === 2 || index === 0) return true;
    const previous = this.tokens[index - 1];
    return previous.kind === 'sym' && /^[.!?:;"“”‘'’(\[—–\-•*>|]$/.test(previous.text);
  }

  private isNumberToken(index: number): boolean {
    const token = this.tokens[index];
    if (token === undefined) return false;
    if (token.kind === 'num') return !token.blocked;
    return token.kind === 'word' && isNumberWord(this.lower(index));
  }

  private couldStart(index: number): boolean {
    const token = this.tokens[index];
    if (token.kind === 'num') return !token.blocked;
    if (token.kind === 'sym') return token.end - token.start === 1 && isCurrencySign(this.units[token.start]!);
    if (!mayBeStartWord(this.units, token.start, token.end)) return false;
    const lowered = this.lower(index);
    return START_WORDS.has(lowered) || (lowered !== token.text && START_WORDS.has(token.text));
  }

  // --- top level ------------------------------------------------------------------------------

  private matchAt(i: number): Match | undefined {
    const ordinal = this.ordinalAt(i);
    if (ordinal !== undefined) return ordinal;
    const fraction = this.fractionAt(i);
    if (fraction !== undefined) return fraction;

    if (this.isWord(i, 'between')) {
      const first = this.phraseAt(i + 1, false);
      if (first === undefined || isSkip(first)) return first;
      return this.rangeAfter(i, first, 'and');
    }
    const phrase = this.phraseAt(i);
    if (phrase === undefined || isSkip(phrase)) return phrase;
    const range = this.rangeAfter(i, phrase, 'to');
    if (range !== undefined) return range;
    return this.standsAlone(phrase) ? this.toMatch(phrase) : undefined;
  }

  /**
   * "between X and Y" / "X to Y" / "X - Y" as one span. Undefined when no range follows `first`; a skip
   * when the second half is a duration or a date ("one to five years"), which takes the first along.
   */
  private rangeAfter(spanStart: number, first: Phrase, joiner: 'and' | 'to'): Match | undefined {
    const joinerIndex = first.next;
    const joinerToken = this.tokens[joinerIndex];
    if (joinerToken === undefined || !this.continues(joinerIndex) || !this.continues(joinerIndex + 1)) return undefined;
    const spacedDash = joiner === 'to' && DASHES.has(joinerToken.text) && joinerToken.gap === 1 && !this.glued(joinerIndex + 1);
    if (!this.isWord(joinerIndex, joiner) && !spacedDash) return undefined;
    const second = this.phraseAt(joinerIndex + 1, false);
    if (second === undefined) return undefined;
    if (isSkip(second)) return second;
    // "rose from 5% to 7%" is a change between two amounts, not a range.
    if (joiner === 'to' && spanStart > 0 && this.isWord(spanStart - 1, 'from')) return undefined;
    const merged = mergeRange(first, second);
    return merged === undefined ? undefined : this.toMatch({ ...merged, start: spanStart });
  }

  /** One amount with its modifier, currency and unit, or a skip past a duration, time or date. */
  private phraseAt(i: number, allowModifier = true): Phrase | Skip | undefined {
    let coreStart = i;
    let modifier: string | undefined;
    const afterModifier = allowModifier ? this.modifierEnd(i) : undefined;
    if (afterModifier !== undefined) {
      modifier = this.tokens.slice(i, afterModifier).map((_, offset) => this.lower(i + offset)).join(' ');
      coreStart = afterModifier;
    }
    const prefix = this.currencyPrefixAt(coreStart);
    if (prefix !== undefined) coreStart = prefix.next;
    if (coreStart !== i && !this.continues(coreStart)) return undefined;
    const core = this.coreAt(coreStart, prefix !== undefined);
    if (core === undefined) return undefined;
    // "World War Two", "Formula One": a capitalised number word mid-sentence is part of a name.
    if (core.form !== 'digits' && this.isCapitalised(coreStart) && !this.startsSentence(coreStart)) return undefined;

    const measure: Measure | undefined = prefix !== undefined ? { kind: 'money', currency: prefix.currency, hundredths: false, next: core.next } : this.measureAt(core);
    if (measure === undefined) return { skip: true, next: core.next };
    // Digits glued to a word nobody consumed: "5G", "3D".
    if (core.form === 'digits' && measure.next === core.next && this.tokens[core.next]?.kind === 'word' && this.glued(core.next)) return undefined;
    if (core.tally && measure.kind !== 'plain') return undefined;
    return { start: i, next: measure.next, core, measure, ...(modifier === undefined ? {} : { modifier }) };
  }

  /** Checks that only matter for a number on its own, outside a range. */
  private standsAlone(phrase: Phrase): boolean {
    const { core, measure, modifier } = phrase;
    if (measure.kind !== 'plain') return true;
    if (modifier !== undefined && !PREPOSITION_MODIFIERS.has(modifier)) return true;
    const coreStart = phrase.start + (modifier?.split(' ').length ?? 0);
    if (core.bareOne && !this.oneIsACount(coreStart)) return false;
    if (core.yearLike && (modifier !== undefined || !this.pluralNounFollowsNonYear(coreStart, core.next))) return false;
    if (modifier !== undefined || core.form !== 'digits' || core.power !== 0 || core.tally || core.min !== undefined) return true;
    if (this.isDayOfMonth(coreStart, core.value) || this.isListMarker(coreStart)) return false;
    return core.digits?.includes(',') === true || !this.followsName(coreStart);
  }

  private toMatch(phrase: Phrase): Match {
    const { core, measure } = phrase;
    const start = this.tokens[phrase.start].start;
    const end = this.tokens[phrase.next - 1].end;
    const approximate = phrase.modifier !== undefined || core.form === 'vague';
    const range = core.min !== undefined && core.max !== undefined ? { min: core.min, max: core.max } : {};
    let label: NumberLabel;
    let value: NormalizedValue | undefined;
    let confidence: number;
    const byDigits = core.form === 'digits';
    switch (measure.kind) {
      case 'percent':
        label = 'PERCENT';
        value = {
          type: 'percent',
          value: scaleByPowerOfTen(core.value, measure.power),
          ...(core.min !== undefined && core.max !== undefined
            ? { min: scaleByPowerOfTen(core.min, measure.power), max: scaleByPowerOfTen(core.max, measure.power) }
            : {}),
        };
        confidence = byDigits ? 0.95 : 0.9;
        break;
      case 'money': {
        label = 'MONEY';
        const power = measure.hundredths ? -2 : 0;
        value = {
          type: 'money',
          amount: scaleByPowerOfTen(core.value, power),
          currency: measure.currency,
          ...(core.min !== undefined && core.max !== undefined
            ? { min: scaleByPowerOfTen(core.min, power), max: scaleByPowerOfTen(core.max, power) }
            : {}),
          ...(approximate ? { approximate: true } : {}),
        };
        confidence = byDigits ? 0.95 : core.form === 'words' ? 0.9 : 0.75;
        break;
      }
      case 'unit':
        label = 'QUANTITY';
        value = { type: 'quantity', value: core.value, unit: measure.unit, ...range };
        confidence = byDigits ? 0.9 : 0.85;
        break;
      case 'plain':
        label = 'CARDINAL';
        value = core.tally ? undefined : { type: 'number', value: core.value, ...range, ...(approximate ? { approximate: true } : {}) };
        confidence = core.tally ? 0.75 : byDigits ? (core.yearLike ? 0.55 : core.power > 0 ? 0.9 : 0.85) : core.form === 'vague' ? 0.65 : core.bareOne ? 0.6 : 0.75;
        break;
    }
    return { span: { start, end, label, confidence, ...(value === undefined ? {} : { value }) }, next: phrase.next };
  }

  // --- pieces ---------------------------------------------------------------------------------

  private modifierEnd(i: number): number | undefined {
    if (this.tokens[i]?.kind !== 'word') return undefined;
    for (const words of MODIFIERS_BY_FIRST_WORD.get(this.lower(i)) ?? []) {
      if (words.every((word, offset) => offset === 0 || (this.continues(i + offset) && this.isWord(i + offset, word)))) {
        return i + words.length;
      }
    }
    return undefined;
  }

  /** "$", "US$", "€", "UAH", "Rs" right before digits. */
  private currencyPrefixAt(i: number): { currency: string; next: number } | undefined {
    const token = this.tokens[i];
    if (token === undefined) return undefined;
    let currency: string | undefined;
    let next = i + 1;
    if (token.kind === 'sym') {
      currency = CURRENCY_SYMBOLS.get(token.text);
    } else if (token.kind === 'word') {
      if (DOLLAR_PREFIXES.has(token.text) && this.tokens[i + 1]?.text === '$' && this.glued(i + 1)) {
        currency = DOLLAR_PREFIXES.get(token.text);
        next = i + 2;
      } else if (ISO_CURRENCIES.has(token.text)) {
        currency = token.text;
      } else if (token.text === 'Rs') {
        currency = 'INR';
        if (this.tokens[next]?.text === '.' && this.glued(next)) next++;
      }
    }
    const digits = this.tokens[next];
    if (currency === undefined || digits === undefined || digits.kind !== 'num' || digits.gap === 2) return undefined;
    return { currency, next };
  }

  private coreAt(i: number, afterCurrency: boolean): Core | undefined {
    const token = this.tokens[i];
    if (token === undefined) return undefined;
    if (token.kind === 'num') return token.blocked ? undefined : this.digitsCoreAt(i, afterCurrency);
    if (token.kind !== 'word' || afterCurrency) return undefined;
    return this.vagueCoreAt(i) ?? this.wordsCoreAt(i);
  }

  private digitsCoreAt(i: number, afterCurrency: boolean): Core | undefined {
    const digits = this.tokens[i].text.replaceAll(',', '');
    // A dash pair was already checked by blockCodesAndClusters: both halves are short amounts.
    let next = i + 1;
    let second: string | undefined;
    if (this.isGluedDash(next) && this.tokens[next + 1]?.kind === 'num' && this.glued(next + 1) && !this.tokens[next + 1].blocked) {
      second = this.tokens[next + 1].text.replaceAll(',', '');
      next += 2;
    } else if (
      // "$10-$15 million"
      afterCurrency && this.isGluedDash(next) && CURRENCY_SYMBOLS.has(this.tokens[next + 1]?.text ?? '') &&
      this.tokens[next + 2]?.kind === 'num' && this.glued(next + 2) && !this.tokens[next + 2].blocked
    ) {
      second = this.tokens[next + 2].text.replaceAll(',', '');
      next += 3;
    }
    const scale = this.scaleAt(next, afterCurrency);
    const power = scale?.power ?? 0;
    if (scale !== undefined) next = scale.next;
    const value = scaleByPowerOfTen(Number(digits), power);
    const core: Core = { next, value, form: 'digits', power, digits, tally: false, yearLike: false, bareOne: false };

    if (second === undefined) {
      core.yearLike = power === 0 && !afterCurrency && /^(?:19|20)\d\d$/.test(digits);
      return core;
    }
    const upper = scaleByPowerOfTen(Number(second), power);
    if (value < upper && !this.nearScoreWord(i, next)) return { ...core, min: value, max: upper };
    return { ...core, tally: true };
  }

  private isGluedDash(index: number): boolean {
    const token = this.tokens[index];
    return token !== undefined && token.gap === 0 && DASHES.has(token.text);
  }

  private nearScoreWord(first: number, next: number): boolean {
    for (let k = Math.max(0, first - 3); k < Math.min(this.tokens.length, next + 2); k++) {
      if (this.tokens[k].kind === 'word' && SCORE_WORDS.has(this.lower(k))) return true;
    }
    return false;
  }

  /** "million", " bn", "bn" (glued), "m" after a currency. */
  private scaleAt(i: number, afterCurrency: boolean): { power: number; next: number } | undefined {
    const token = this.tokens[i];
    if (token === undefined || token.kind !== 'word' || token.gap === 2) return undefined;
    const wordPower = SCALE_WORDS.get(this.lower(i));
    if (wordPower !== undefined && token.gap === 1) return { power: wordPower, next: i + 1 };
    const abbreviated = SCALE_ABBREVIATIONS.get(token.text) ?? SCALE_ABBREVIATIONS.get(this.lower(i));
    if (abbreviated === undefined) return undefined;
    if (SCALES_NEEDING_CURRENCY.has(token.text) && !afterCurrency) return undefined;
    if (token.gap === 1 && !SCALES_ALLOWED_SPACED.has(this.lower(i)) && !(afterCurrency && token.text === 'm')) return undefined;
    // "5 m" after a currency is million; a following word decides nothing more.
    return { power: abbreviated, next: i + 1 };
  }

  /** "tens of thousands", "hundreds", "dozens of", "several hundred", "a few thousand". */
  private vagueCoreAt(i: number): Core | undefined {
    const lower = this.lower(i);
    const vague = VAGUE_COUNTS.get(lower);
    if (vague !== undefined) {
      let min = vague.min;
      let next = i + 1;
      const ofMultiple = this.isWord(i + 1, 'of') && this.continues(i + 2) ? VAGUE_MULTIPLES.get(this.lower(i + 2)) : undefined;
      if (ofMultiple !== undefined && this.tokens[i + 2].kind === 'word') {
        min *= ofMultiple;
        next = i + 3;
      } else if (lower === 'tens' && !this.isWord(i + 1, 'of')) {
        return undefined;
      }
      const max = Math.round(min * vague.maxFactor) - 1;
      return { next, value: min, min, max, form: 'vague', power: 0, tally: false, yearLike: false, bareOne: false };
    }
    const fewOrSeveral = lower === 'several' ? FEW_AND_SEVERAL.several : lower === 'a' && this.isWord(i + 1, 'few') ? FEW_AND_SEVERAL.few : undefined;
    if (fewOrSeveral === undefined) return undefined;
    const scaleIndex = lower === 'several' ? i + 1 : i + 2;
    const power = this.continues(scaleIndex) ? SCALE_WORDS.get(this.lower(scaleIndex)) : undefined;
    if (power === undefined || this.tokens[scaleIndex].kind !== 'word') return undefined;
    const unit = 10 ** power;
    return {
      next: scaleIndex + 1, value: fewOrSeveral.low * unit, min: fewOrSeveral.low * unit, max: fewOrSeveral.high * unit,
      form: 'vague', power, tally: false, yearLike: false, bareOne: false,
    };
  }

  /** "three", "twenty-five", "two hundred and fifty thousand", "a million", "half a million", "two dozen". */
  private wordsCoreAt(i: number): Core | undefined {
    let first = i;
    let factor = 1;
    if (this.isWord(i, 'half') && this.isWord(i + 1, 'a') && this.continues(i + 2)) {
      factor = 0.5;
      first = i + 1;
    }
    // Longest run of tokens that could belong to a number phrase, then the longest prefix that parses.
    const pieces: string[] = [];
    let previousSmall: number | undefined;
    let end = first;
    while (end < this.tokens.length && end - first < 16) {
      const token = this.tokens[end];
      if (end > first && token.gap === 2) break;
      if (token.kind === 'word') {
        const lower = this.lower(end);
        const fits = isNumberWord(lower) || (lower === 'and' && end > first) || ((lower === 'a' || lower === 'an') && end === first);
        if (!fits) break;
        // "one two" or "five six" are two numbers: stop the run where no phrase could go on.
        const value = wordValue(lower);
        if (value !== undefined && value < 100 && previousSmall !== undefined && !(previousSmall >= 20 && previousSmall % 10 === 0 && value < 10)) break;
        if (lower !== 'and') previousSmall = value !== undefined && value < 100 ? value : undefined;
        pieces.push(lower);
      } else if (token.kind === 'sym' && DASHES.has(token.text) && token.gap === 0 && end > first && this.tokens[end + 1]?.kind === 'word' && this.glued(end + 1)) {
        pieces.push('-');
      } else {
        break;
      }
      end++;
    }
    for (let last = pieces.length; last > 0; last--) {
      if (pieces[last - 1] === '-' || pieces[last - 1] === 'and') continue;
      const phrase = pieces.slice(0, last).join(' ').replaceAll(' - ', '-');
      // "a" alone parses as 1, but only "a hundred", "a million" … are numbers.
      if (phrase === 'a' || phrase === 'an') continue;
      let value = parseWordNumber(phrase);
      if (value === undefined || !Number.isInteger(value)) continue;
      let next = first + last;
      // "a dozen" parses whole; "two dozen" multiplies.
      if (this.isWord(next, 'dozen') && this.continues(next)) {
        value *= 12;
        next++;
      }
      const lastWord = pieces[last - 1];
      const power = SCALE_WORDS.get(lastWord) ?? 0;
      return {
        next, value: value * factor, form: 'words', power, tally: false, yearLike: false,
        bareOne: phrase === 'one' && next === i + 1,
      };
    }
    if (this.isWord(first, 'a') && this.isWord(first + 1, 'dozen') && this.continues(first + 1)) {
      return { next: first + 2, value: 12 * factor, form: 'words', power: 0, tally: false, yearLike: false, bareOne: false };
    }
    return undefined;
  }

  /** What follows the number: percent, currency, unit, nothing, or undefined for a time unit or a month. */
  private measureAt(core: Core): Measure | undefined {
    const i = core.next;
    const token = this.tokens[i];
    const plain: Measure = { kind: 'plain', next: i };
    if (token === undefined || token.gap === 2) return plain;

    if (token.kind === 'sym') {
      if (token.text === '%' || token.text === '٪') return { kind: 'percent', power: -2, next: i + 1 };
      const symbolCurrency = CURRENCY_SYMBOLS.get(token.text);
      if (symbolCurrency !== undefined && core.form === 'digits') return { kind: 'money', currency: symbolCurrency, hundredths: false, next: i + 1 };
      if (token.text === ':' && this.tokens[i + 1]?.kind === 'num' && this.glued(i + 1)) return undefined;
      // "155-mm", "10-km", "three-year", "20-month-old", "percentage-point"
      if (DASHES.has(token.text) && token.gap === 0 && this.tokens[i + 1]?.kind === 'word' && this.glued(i + 1)) {
        if (this.isTimeWord(i + 1)) return undefined;
        const unit = this.unitAt(i + 1);
        if (unit !== undefined) return { kind: 'unit', unit: unit.unit, next: unit.next };
        if (this.isWord(i + 1, 'pound')) return { kind: 'unit', unit: 'lb', next: i + 2 };
      }
      if (token.text === '°') {
        const unit = this.unitAt(i);
        if (unit !== undefined) return { kind: 'unit', unit: unit.unit, next: unit.next };
      }
      return plain;
    }
    if (token.kind !== 'word') return plain;

    if (this.isTimeWord(i) || (MONTHS.has(token.text) && core.form === 'digits')) return undefined;
    // "5 a.m.", "6 p.m."
    if ((this.isWord(i, 'a') || this.isWord(i, 'p')) && this.tokens[i + 1]?.text === '.' && this.glued(i + 1) && this.isWord(i + 2, 'm')) return undefined;

    if (token.gap === 0) {
      const lower = this.lower(i);
      if (lower === 'pc') return { kind: 'percent', power: -2, next: i + 1 };
      const gluedUnit = GLUED_ONLY_UNITS.get(token.text);
      if (gluedUnit !== undefined && core.form === 'digits') return { kind: 'unit', unit: gluedUnit, next: i + 1 };
    }
    const percent = this.percentAt(i);
    if (percent !== undefined) return percent;
    const money = this.currencyAfterAt(i, core);
    if (money !== undefined) return money;
    const unit = this.unitAt(i);
    if (unit !== undefined) return { kind: 'unit', unit: unit.unit, next: unit.next };
    return plain;
  }

  private isTimeWord(index: number): boolean {
    const token = this.tokens[index];
    if (token?.kind !== 'word') return false;
    const lower = this.lower(index);
    // "s" and "h" are time units only glued to the digits: "30s", "24h".
    if (lower === 's' || lower === 'h') return token.gap === 0;
    return TIME_UNITS.has(lower);
  }

  private percentAt(i: number): Measure | undefined {
    for (const { words, power } of PERCENT_PHRASES) {
      if (words.every((word, offset) => (offset === 0 || this.continues(i + offset)) && this.isWord(i + offset, word))) {
        return { kind: 'percent', power, next: i + words.length };
      }
    }
    if (this.isWord(i, 'percentage') && this.isGluedDash(i + 1) && this.isWord(i + 2, 'point')) return { kind: 'percent', power: -2, next: i + 3 };
    return undefined;
  }

  /** "dollars", "US dollars", "Swiss francs", "UAH", "cents", "billions of dollars". */
  private currencyAfterAt(i: number, core: Core): Measure | undefined {
    let index = i;
    if (core.form === 'vague' && this.isWord(i, 'of') && this.continues(i + 1)) index = i + 1;
    const token = this.tokens[index];
    if (token === undefined || token.kind !== 'word') return undefined;
    if (ISO_CURRENCIES.has(token.text) && index === i && core.form === 'digits') {
      return { kind: 'money', currency: token.text, hundredths: false, next: i + 1 };
    }
    let adjective: string | undefined;
    const twoWordAdjective = this.continues(index + 1) ? CURRENCY_ADJECTIVES.get(`${token.text} ${this.tokens[index + 1]?.text}`) : undefined;
    if (twoWordAdjective !== undefined) {
      adjective = twoWordAdjective;
      index += 2;
    } else if (CURRENCY_ADJECTIVES.has(token.text) && this.continues(index + 1)) {
      adjective = CURRENCY_ADJECTIVES.get(token.text);
      index += 1;
    }
    if (this.tokens[index]?.kind !== 'word') return undefined;
    const noun = this.lower(index);
    if (CENT_NOUNS.has(noun) && adjective === undefined) return { kind: 'money', currency: 'USD', hundredths: true, next: index + 1 };
    if (!CURRENCY_NOUNS.has(noun)) return undefined;
    if (noun === 'won' && adjective === undefined && core.power === 0) return undefined;
    if ((noun === 'pound' || noun === 'pounds') && adjective === undefined) {
      if (this.isWord(index + 1, 'sterling')) return { kind: 'money', currency: 'GBP', hundredths: false, next: index + 2 };
      if (this.isWord(index + 1, 'of') || this.weighingBefore(i)) return { kind: 'unit', unit: 'lb', next: index + 1 };
    }
    const currency = adjective ?? CURRENCY_NOUNS.get(noun);
    if (currency === undefined) return undefined;
    return { kind: 'money', currency, hundredths: false, next: index + 1 };
  }

  /** "weighs 200 pounds", "weighing 5 pounds": pounds of weight, not of money. */
  private weighingBefore(i: number): boolean {
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      if (this.tokens[k].kind === 'word' && this.lower(k).startsWith('weigh')) return true;
    }
    return false;
  }

  private unitAt(i: number): { unit: string; next: number } | undefined {
    const token = this.tokens[i];
    if (token === undefined) return undefined;
    const candidates = [...(ABBREVIATED_UNITS_BY_FIRST.get(token.text) ?? []), ...(WORD_UNITS_BY_FIRST.get(this.lower(i)) ?? [])];
    let best: { unit: string; next: number } | undefined;
    for (const { words, unit, caseSensitive } of candidates) {
      if (best !== undefined && words.length <= best.next - i) continue;
      const fits = words.every((word, offset) => {
        const candidate = this.tokens[i + offset];
        if (candidate === undefined) return false;
        // Words of a unit may be spaced ("square kilometres", "sq km"); symbols and digits hold on ("km/h", "km2").
        if (offset > 0 && (candidate.gap === 2 || (candidate.kind !== 'word' && candidate.gap !== 0))) return false;
        return caseSensitive ? candidate.text === word : this.lower(i + offset) === word;
      });
      if (fits) best = { unit, next: i + words.length };
    }
    return best;
  }

  // --- ordinals and fractions -----------------------------------------------------------------

  private ordinalAt(i: number): Match | undefined {
    const token = this.tokens[i];
    let value: number | undefined;
    let next = i + 1;
    let confidence = 0.8;
    if (token.kind === 'num') {
      const suffix = this.tokens[i + 1];
      if (token.blocked || suffix?.kind !== 'word' || suffix.gap !== 0 || !ORDINAL_SUFFIXES.has(this.lower(i + 1)) || !/^\d+$/.test(token.text)) return undefined;
      value = Number(token.text);
      next = i + 2;
      confidence = this.isCapitalised(next) ? 0.7 : 0.9;
      if (this.isWord(next, 'of') && MONTHS.has(this.tokens[next + 1]?.text ?? '')) return undefined;
      if (this.isDayOfMonth(i, value)) return undefined;
    } else if (token.kind === 'word') {
      const lower = this.lower(i);
      value = ORDINAL_WORDS.get(lower);
      // "twenty-first"
      const tens = wordValue(lower);
      if (value === undefined && tens !== undefined && tens >= 20 && tens % 10 === 0 && tens < 100 && this.isGluedDash(i + 1) && this.glued(i + 2)) {
        const unit = ORDINAL_WORDS.get(this.lower(i + 2));
        if (unit !== undefined && unit < 10) {
          value = tens + unit;
          next = i + 3;
        }
      }
      if (value === undefined) return undefined;
      if (this.isCapitalised(i) && (!this.startsSentence(i) || this.isCapitalised(next))) return undefined;
      if (lower === 'second' && !this.secondIsOrdinal(i)) return undefined;
      if (this.isWord(next, 'of') && MONTHS.has(this.tokens[next + 1]?.text ?? '')) return undefined;
      if (i > 0 && MONTHS.has(this.tokens[i - 1].text)) return undefined;
    } else {
      return undefined;
    }
    if (this.continues(next) && this.isTimeWord(next)) return undefined;
    if (this.continues(next) && (this.isWord(next, 'half') || this.isWord(next, 'quarter'))) return undefined;
    if (this.isGluedDash(next) && this.isTimeWord(next + 1)) return undefined;
    return {
      span: { start: token.start, end: this.tokens[next - 1].end, label: 'ORDINAL', confidence, value: { type: 'ordinal', value } },
      next,
    };
  }

  /** "a second attack" is an ordinal; "for a second." and "30 second" are time. */
  private secondIsOrdinal(i: number): boolean {
    if (i > 0 && this.isNumberToken(i - 1)) return false;
    const previous = i > 0 ? this.lower(i - 1) : '';
    if (previous === 'per' || previous === 'split') return false;
    const nextIsWord = this.tokens[i + 1]?.kind === 'word' && this.continues(i + 1);
    if (previous === 'a' && (!nextIsWord || ['later', 'ago', 'or', 'and', 'before', 'after'].includes(this.lower(i + 1)))) return false;
    return true;
  }

  /** "two-thirds", "one half", "a quarter of". */
  private fractionAt(i: number): Match | undefined {
    const token = this.tokens[i];
    if (token.kind !== 'word') return undefined;
    const lower = this.lower(i);
    const article = lower === 'a' || lower === 'an';
    const numerator = article ? 1 : wordValue(lower);
    if (numerator === undefined || !Number.isInteger(numerator) || numerator < 1 || numerator > 9 || lower === 'dozen') return undefined;
    let denominatorIndex = i + 1;
    if (this.isGluedDash(denominatorIndex) && !article) denominatorIndex++;
    const denominatorToken = this.tokens[denominatorIndex];
    if (denominatorToken === undefined || denominatorToken.kind !== 'word' || denominatorToken.gap === 2) return undefined;
    const denominatorWord = this.lower(denominatorIndex);
    const denominator = FRACTION_DENOMINATORS.get(denominatorWord);
    if (denominator === undefined || (article && denominator === 2)) return undefined;
    const plural = denominatorWord.endsWith('s');
    if ((numerator === 1) === plural) return undefined;
    if (article && !this.isWord(denominatorIndex + 1, 'of')) return undefined;
    if (this.isGluedDash(denominatorIndex + 1)) return undefined;
    if (this.isCapitalised(i) && !this.startsSentence(i)) return undefined;
    return {
      span: { start: token.start, end: denominatorToken.end, label: 'CARDINAL', confidence: 0.7, value: { type: 'number', value: numerator / denominator } },
      next: denominatorIndex + 1,
    };
  }

  // --- context rules --------------------------------------------------------------------------

  /** "one dead and 11 injured", "one soldier", "one or two", "one in five", "11 hurt and one dead". */
  private oneIsACount(i: number): boolean {
    const previous = i > 0 && this.tokens[i - 1].kind === 'word' ? this.lower(i - 1) : '';
    if (PRONOUN_BEFORE_ONE.has(previous) || this.isWord(i + 1, 'of') || this.isGluedDash(i + 1)) return false;
    const nextWord = this.tokens[i + 1]?.kind === 'word' && this.continues(i + 1) ? this.lower(i + 1) : '';
    if (COUNTED_AFTER_ONE.has(nextWord)) return true;
    // A count among counts: another number a few words away, joined by "and", "or", a comma, "to", "in".
    return this.listedWithNumber(i, 1) || this.listedWithNumber(i, -1);
  }

  private listedWithNumber(i: number, direction: 1 | -1): boolean {
    let joined = false;
    for (let step = 1; step <= 4; step++) {
      const k = i + direction * step;
      if (k < 0 || k >= this.tokens.length || !this.continues(direction === 1 ? k : k + 1)) return false;
      if (LIST_JOINERS.has(this.lower(k))) joined = true;
      else if (joined && this.isNumberToken(k)) return true;
      else if (this.tokens[k].kind !== 'word') return false;
    }
    return false;
  }

  /** A bare 19xx/20xx is a count only in "fired 2000 rockets", not "in 2024 drones were…". */
  private pluralNounFollowsNonYear(i: number, next: number): boolean {
    const previous = i > 0 ? this.tokens[i - 1] : undefined;
    if (previous === undefined || previous.kind !== 'word' || YEAR_CONTEXT.has(this.lower(i - 1)) || MONTHS.has(previous.text)) return false;
    const following = this.tokens[next];
    if (following === undefined || following.kind !== 'word' || following.gap !== 1) return false;
    return following.text.length > 2 && following.text.endsWith('s') && !this.isCapitalised(next);
  }

  /** "November 4", "Sept. 6", "November 4th" ("4 November" is caught as a measure). */
  private isDayOfMonth(i: number, value: number): boolean {
    if (!Number.isInteger(value) || value < 1 || value > 31 || i === 0) return false;
    const previous = this.tokens[i - 1];
    if (MONTHS.has(previous.text) && previous.kind === 'word') return true;
    return previous.text === '.' && i > 1 && MONTHS.has(this.tokens[i - 2].text);
  }

  /** "1. Introduction", "2) Terms" at the start of a line. */
  private isListMarker(i: number): boolean {
    const marker = this.tokens[i + 1];
    return this.tokens[i].gap === 2 && marker !== undefined && marker.gap === 0 && (marker.text === '.' || marker.text === ')') && this.tokens[i + 2]?.gap !== 0;
  }

  /** "iPhone 15", "Boeing 737", "Article 5": a bare number after a capitalised word mid-sentence names a thing. */
  private followsName(i: number): boolean {
    if (i === 0 || this.tokens[i].gap !== 1) return false;
    const previous = this.tokens[i - 1];
    if (previous.kind !== 'word' || !/\p{Lu}/u.test(previous.text)) return false;
    if (/['’]s$/.test(previous.text) || this.startsSentence(i - 1)) return false;
    return true;
  }
}

/** Two amounts as one range, if they agree. The first borrows what it lacks: "10 to 15%", "$10 to 15 million". */
function mergeRange(first: Phrase, second: Phrase): Omit<Phrase, 'start'> | undefined {
  if (first.core.tally || second.core.tally || first.core.min !== undefined || second.core.min !== undefined) return undefined;
  if (first.core.yearLike && second.core.yearLike) return undefined;
  const borrowsScale = first.core.form === 'digits' && first.core.power === 0 && second.core.power > 0;
  let measure: Measure;
  if (first.measure.kind === 'plain') measure = second.measure;
  else if (sameMeasure(first.measure, second.measure)) measure = first.measure;
  // "$10 to 15 million" lends its currency to the second half; "rose 1.2% to 4,783" is no range.
  else if (second.measure.kind === 'plain' && borrowsScale) measure = first.measure;
  else return undefined;
  const low = borrowsScale ? scaleByPowerOfTen(first.core.value, second.core.power) : first.core.value;
  const high = second.core.value;
  if (!(low < high)) return undefined;
  const core: Core = {
    next: second.core.next, value: low, min: low, max: high,
    form: first.core.form === 'digits' && second.core.form === 'digits' ? 'digits' : 'words',
    power: Math.max(first.core.power, second.core.power), tally: false, yearLike: false, bareOne: false,
  };
  return { next: second.next, core, measure: { ...measure, next: second.next }, ...(first.modifier === undefined ? {} : { modifier: first.modifier }) };
}

function sameMeasure(a: Measure, b: Measure): boolean {
  if (a.kind === 'money' && b.kind === 'money') return a.currency === b.currency && a.hundredths === b.hundredths;
  if (a.kind === 'unit' && b.kind === 'unit') return a.unit === b.unit;
  if (a.kind === 'percent' && b.kind === 'percent') return a.power === b.power;
  return false;
}

function isSkip(result: Phrase | Skip): result is Skip {
  return 'skip' in result;
}

// ---------------------------------------------------------------------------------------------
// Table helpers

function groupByFirst(phrases: readonly (readonly string[])[]): Map<string, (readonly string[])[]> {
  const groups = new Map<string, (readonly string[])[]>();
  for (const words of [...phrases].sort((a, b) => b.length - a.length)) {
    const group = groups.get(words[0]) ?? [];
    group.push(words);
    groups.set(words[0], group);
  }
  return groups;
}

interface UnitPattern {
  words: readonly string[];
  unit: string;
  caseSensitive: boolean;
}

function groupPatterns(table: readonly [string, string][], key: (word: string) => string): Map<string, UnitPattern[]> {
  const caseSensitive = table === ABBREVIATED_UNITS;
  const groups = new Map<string, UnitPattern[]>();
  for (const [written, unit] of table) {
    const words = written.split(' ').map(key);
    const group = groups.get(words[0]) ?? [];
    group.push({ words, unit, caseSensitive });
    groups.set(words[0], group);
  }
  return groups;
}

function pairs<T>(words: readonly string[], value: T): [string, T][] {
  return words.map((word) => [word, value]);
}

/** "kilometre" → kilometre, kilometres; "metric ton" → metric ton, metric tons. */
function unitForms(singulars: readonly string[], unit: string): [string, string][] {
  return singulars.flatMap((singular) => [[singular, unit], [`${singular}s`, unit]] as [string, string][]);
}

// ---------------------------------------------------------------------------------------------

/** Finds CARDINAL, ORDINAL, MONEY, PERCENT and QUANTITY spans, sorted and non-overlapping. Never throws. */
export function findNumbers(text: string): Span[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    const spans: Span[] = [];
    const units = utf16Units(text);
    for (const [from, to] of segmentsToScan(text, units)) {
      const tokens = tokenize(text, units, from, to);
      blockCodesAndClusters(tokens);
      for (const span of new NumberScanner(tokens, units).scan()) spans.push(span);
    }
    return spans;
  } catch {
    return [];
  }
}
