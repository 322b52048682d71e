/** The words and tables numbers are read with: modifiers, scales, vague counts, ordinals, fractions, currencies, percent phrases and units. */

const MODIFIERS: readonly (readonly string[])[] = [
  ['no', 'more', 'than'], ['no', 'fewer', 'than'], ['no', 'less', 'than'], ['not', 'more', 'than'],
  ['more', 'than'], ['less', 'than'], ['fewer', 'than'], ['up', 'to'], ['at', 'least'], ['at', 'most'],
  ['as', 'many', 'as'], ['as', 'much', 'as'], ['as', 'few', 'as'], ['as', 'little', 'as'], ['close', 'to'],
  ['just', 'over'], ['just', 'under'], ['well', 'over'], ['an', 'estimated'], ['upwards', 'of'],
  ['in', 'excess', 'of'], ['nearly'], ['almost'], ['about'], ['around'], ['approximately'], ['roughly'],
  ['some'], ['over'], ['under'], ['estimated'], ['barely'], ['circa'], ['exactly'], ['above'], ['below'],
];
export const MODIFIERS_BY_FIRST_WORD = groupByFirst(MODIFIERS);

/** Powers of ten written as words after a number: "1.5 billion". */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 2], ['thousand', 3], ['million', 6], ['billion', 9], ['trillion', 12],
  // The Indian scales: a lakh is a hundred thousand, a crore ten million ("₹120 crore").
  ['lakh', 5], ['lakhs', 5], ['crore', 7], ['crores', 7],
]);
/** Abbreviated scales: "$1.2bn", "20k". Single letters count only after a currency ("$5m", "$3B"). */
export const SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['bn', 9], ['bln', 9], ['mn', 6], ['mln', 6], ['tn', 12], ['trn', 12], ['k', 3], ['m', 6], ['b', 9], ['K', 3], ['M', 6], ['B', 9],
]);
export const SCALES_NEEDING_CURRENCY = new Set(['m', 'b', 'K', 'M', 'B']);
export const SCALES_ALLOWED_SPACED = new Set(['bn', 'bln', 'mn', 'mln', 'tn', 'trn']);

/** "tens", "hundreds" …: the low end of the range, and how many times wider its high end is. */
export const VAGUE_COUNTS: ReadonlyMap<string, { min: number; maxFactor: number }> = new Map([
  ['tens', { min: 10, maxFactor: 10 }],
  ['dozens', { min: 24, maxFactor: 100 / 24 }],
  ['hundreds', { min: 100, maxFactor: 10 }],
  ['thousands', { min: 1_000, maxFactor: 10 }],
  ['millions', { min: 1_000_000, maxFactor: 10 }],
  ['billions', { min: 1_000_000_000, maxFactor: 10 }],
]);
export const VAGUE_MULTIPLES: ReadonlyMap<string, number> = new Map([['thousands', 1_000], ['millions', 1_000_000], ['billions', 1_000_000_000]]);
/** "several hundred" is 3..9 hundred, "a few thousand" 2..5 thousand. */
export const FEW_AND_SEVERAL = { several: { low: 3, high: 9 }, few: { low: 2, high: 5 } } as const;

export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13],
  ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18],
  ['nineteenth', 19], ['twentieth', 20], ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50],
  ['sixtieth', 60], ['seventieth', 70], ['eightieth', 80], ['ninetieth', 90], ['hundredth', 100],
  ['thousandth', 1000], ['millionth', 1_000_000],
]);
export const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/** Denominators of "two-thirds", "one half", "a quarter of": singular and plural spellings. */
export const FRACTION_DENOMINATORS: ReadonlyMap<string, number> = new Map([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fifth', 5],
  ['fifths', 5], ['sixth', 6], ['sixths', 6], ['seventh', 7], ['sevenths', 7], ['eighth', 8], ['eighths', 8],
  ['ninth', 9], ['ninths', 9], ['tenth', 10], ['tenths', 10],
]);

/** A number before these is a duration or a date: the date detector's, not ours. */
export const TIME_UNITS = new Set([
  'year', 'years', 'yr', 'yrs', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'hr',
  'hrs', 'h', 'minute', 'minutes', 'min', 'mins', 'second', 'seconds', 'sec', 'secs', 's', 'decade',
  'decades', 'century', 'centuries', 'millennium', 'millennia', 'fortnight', 'fortnights', 'night',
  'nights', 'weekend', 'weekends', 'am', 'pm', 'gmt', 'utc', 'cet', 'est',
  'edt', 'bst', 'pst', 'pdt', "o'clock", 'o’clock',
]);
export const MONTHS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);
/** Words before a bare 18xx-20xx that make it a year ("in 2024"), even when a plural noun follows. */
export const YEAR_CONTEXT = new Set([
  'in', 'since', 'by', 'of', 'from', 'until', 'till', 'to', 'through', 'during', 'before', 'after', 'for',
  'early', 'late', 'mid', 'and', 'or', 'the', 'a', 'an', 'year', 'between', 'around', 'circa', 'than',
]);

export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₴', 'UAH'], ['₽', 'RUB'], ['₹', 'INR'],
  ['₩', 'KRW'], ['₺', 'TRY'], ['₪', 'ILS'], ['₦', 'NGN'], ['₱', 'PHP'], ['₸', 'KZT'], ['₾', 'GEL'],
]);
/** Letters glued before "$": "US$20 million", "C$5". */
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['US', 'USD'], ['C', 'CAD'], ['CA', 'CAD'], ['A', 'AUD'], ['AU', 'AUD'], ['NZ', 'NZD'], ['HK', 'HKD'],
  ['S', 'SGD'], ['NT', 'TWD'], ['R', 'BRL'], ['Mex', 'MXN'],
]);
export const ISO_CURRENCIES = new Set([
  'USD', 'EUR', 'GBP', 'UAH', 'RUB', 'JPY', 'CNY', 'CHF', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'INR', 'KRW',
  'TRY', 'ILS', 'PLN', 'SEK', 'NOK', 'DKK', 'CZK', 'HUF', 'RON', 'BGN', 'BRL', 'MXN', 'ZAR', 'NGN', 'EGP',
  'SAR', 'AED', 'QAR', 'KZT', 'GEL', 'AZN', 'BYN', 'MDL', 'IRR', 'PKR', 'IDR', 'MYR', 'THB', 'VND', 'PHP',
  'TWD', 'ARS', 'CLP', 'COP', 'KES',
]);
/** Currency names after a number; an undefined code needs a country adjective ("Mexican pesos"). */
export const CURRENCY_NOUNS: ReadonlyMap<string, string | undefined> = new Map([
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
  ...pairs(['peso', 'pesos', 'krone', 'kroner', 'crown', 'crowns', 'dinar', 'dinars', 'won', 'shilling', 'shillings'], undefined),
]);
/** "50 cents": a hundredth of the dollar, or of the currency named before it. */
export const CENT_NOUNS = new Set(['cent', 'cents']);
/** "412 pence": a hundredth of the pound sterling. */
export const PENCE_NOUNS = new Set(['pence', 'penny']);
export const CURRENCY_ADJECTIVES: ReadonlyMap<string, string> = new Map([
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

export const PERCENT_PHRASES: readonly { words: readonly string[]; power: number }[] = [
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
  ...unitForms(['hectopascal'], 'hPa'), ...unitForms(['millibar'], 'mbar'),
];
/** Abbreviated units, matched exactly (so "MW" is not "mw"); tokens are split as the tokenizer splits them. */
const ABBREVIATED_UNITS: readonly [string, string][] = [
  ['km', 'km'], ['m', 'm'], ['cm', 'cm'], ['mm', 'mm'], ['mi', 'mi'], ['nmi', 'nmi'], ['ft', 'ft'], ['kg', 'kg'],
  ['lb', 'lb'], ['lbs', 'lb'], ['oz', 'oz'], ['bbl', 'bbl'], ['bpd', 'bbl/d'], ['ha', 'ha'], ['MW', 'MW'],
  ['GW', 'GW'], ['kW', 'kW'], ['kWh', 'kWh'], ['MWh', 'MWh'], ['GWh', 'GWh'], ['TWh', 'TWh'], ['mph', 'mph'],
  ['kph', 'km/h'], ['km / h', 'km/h'], ['km 2', 'km2'], ['km ²', 'km2'], ['sq km', 'km2'], ['sq mi', 'mi2'],
  ['sq ft', 'ft2'], ['m 2', 'm2'], ['m ²', 'm2'], ['m 3', 'm3'], ['m ³', 'm3'], ['bcm', 'bcm'], ['kt', 'kt'],
  ['dB', 'dB'], ['GB', 'GB'], ['TB', 'TB'], ['MB', 'MB'], ['hPa', 'hPa'], ['mbar', 'mbar'], ['° C', '°C'], ['° F', '°F'], ['°', '°'],
];
/** Only right after the digits: "30C", "500g", "5t" (spaced, these letters are too ambiguous). */
export const GLUED_ONLY_UNITS: ReadonlyMap<string, string> = new Map([['C', '°C'], ['g', 'g'], ['t', 't']]);

export const WORD_UNITS_BY_FIRST = groupPatterns(WORD_UNITS, (word) => word.toLowerCase());
export const ABBREVIATED_UNITS_BY_FIRST = groupPatterns(ABBREVIATED_UNITS, (word) => word);

/** Hyphen and en dash: they join ranges ("10-15"), scores ("3-1") and compounds ("three-year"). */
export const DASHES = new Set(['-', '–']);
/** Signs that make the digits right after them negative: hyphen, en dash, and the minus sign U+2212. */
export const MINUS_SIGNS = new Set(['-', '–', '\u2212']);
/** The UTF-16 unit of each dash and minus sign (each is one unit): tokens are checked against them without slicing their text. */
export const DASH_UNITS: ReadonlySet<number> = new Set([...DASHES].map((dash) => dash.charCodeAt(0)));
export const MINUS_SIGN_UNITS: ReadonlySet<number> = new Set([...MINUS_SIGNS].map((sign) => sign.charCodeAt(0)));

/** Words around "3-1" that make it a score or a vote rather than a range. */
export const SCORE_WORDS = new Set([
  'win', 'wins', 'won', 'victory', 'defeat', 'defeated', 'beat', 'beats', 'beating', 'lost', 'lose', 'loss',
  'draw', 'drew', 'drawn', 'lead', 'led', 'trail', 'trailed', 'trailing', 'score', 'scored', 'scoreline',
  'thrashed', 'thrashing', 'edged', 'ruling', 'ruled', 'vote', 'voted', 'votes', 'decision', 'majority',
  'margin', 'series', 'tie', 'tied', 'record', 'final', 'verdict', 'split',
]);

/** Nouns that make "one" a count: "one dead", "one soldier", "one count of fraud". */
export const COUNTED_AFTER_ONE = new Set([
  'person', 'man', 'woman', 'child', 'boy', 'girl', 'baby', 'soldier', 'civilian', 'officer', 'policeman',
  'worker', 'journalist', 'resident', 'victim', 'casualty', 'player', 'goal', 'point', 'run', 'vote', 'seat',
  'dead', 'killed', 'injured', 'wounded', 'hurt', 'missing', 'drone', 'missile', 'rocket', 'shell', 'tank',
  'aircraft', 'plane', 'jet', 'helicopter', 'ship', 'vessel', 'bomb', 'member', 'judge', 'juror', 'count',
  'charge', 'felony', 'misdemeanor', 'conviction', 'defendant', 'suspect', 'death', 'fatality', 'injury',
  'hostage', 'prisoner', 'detainee', 'passenger', 'patient', 'student', 'teacher', 'doctor', 'villager',
  'fighter', 'militant', 'troop', 'gunman', 'attacker', 'assailant', 'inmate', 'refugee', 'migrant',
]);
/** Words before "one" that make it a pronoun: "no one", "the one", "which one". */
export const PRONOUN_BEFORE_ONE = new Set([
  'no', 'any', 'every', 'each', 'some', 'the', 'this', 'that', 'which', 'such', 'another', 'other', 'last',
  'little', 'loved', 'new', 'old', 'big', 'right', 'wrong', 'same',
]);
/** Words that join counts in a list: "one dead and 11 injured", "one or two". */
export const LIST_JOINERS = new Set(['and', 'or', ',', 'to', 'in']);
/** Modifiers that are also prepositions: "about one of", "around 2030" need the same checks as a bare number. */
export const PREPOSITION_MODIFIERS = new Set(['about', 'around', 'over', 'under', 'above', 'below', 'some', 'circa']);

function groupByFirst(phrases: readonly (readonly string[])[]): Map<string, (readonly string[])[]> {
  const groups = new Map<string, (readonly string[])[]>();
  for (const words of [...phrases].sort((a, b) => b.length - a.length)) {
    const group = groups.get(words[0]) ?? [];
    group.push(words);
    groups.set(words[0], group);
  }
  return groups;
}

export interface UnitPattern {
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
