/**
 * The rarer OntoNotes labels (issue 17): languages told from nationalities by their context, events and
 * facilities by their head word, products by a model number or an oil benchmark, titles of works in quotes
 * after the kind of work. Every sentence here is invented; each rule has a negative beside it.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { assertNotTagged, assertTags, tagged } from '../../../../../test/support/entityAssertions';

describe('languages', () => {
  test('a language followed by a function word is still the language ("in Dutch before")', () => {
    const text = 'The coach spoke to reporters in Dutch before the match.';
    assertTags(text, ['LANGUAGE:Dutch']);
    assertNotTagged(text, ['NORP:Dutch']);
  });

  test('languages coordinated with a cued one are languages too ("between Italian and Greek")', () => {
    assertTags('She answered, switching between Italian and Greek, for an hour.', ['LANGUAGE:Italian', 'LANGUAGE:Greek']);
    assertTags('The forms are printed only in Urdu and Korean at present.', ['LANGUAGE:Urdu', 'LANGUAGE:Korean']);
    assertTags('He started in Polish before switching to Russian.', ['LANGUAGE:Polish', 'LANGUAGE:Russian']);
  });

  test('a list after "languages, including" names languages, also ones no nationality shares', () => {
    assertTags('The app now works in nine languages, including Turkish, Telugu and Gujarati, the company said.', [
      'LANGUAGE:Turkish', 'LANGUAGE:Telugu', 'LANGUAGE:Gujarati',
    ]);
  });

  test('a nationality before a noun or a name stays NORP', () => {
    const text = 'A Dutch court fined the Italian company, and Greek officials met Polish farmers in Korean ports.';
    assertTags(text, ['NORP:Dutch', 'NORP:Italian', 'NORP:Greek', 'NORP:Polish']);
    assertNotTagged(text, ['LANGUAGE:Dutch', 'LANGUAGE:Italian', 'LANGUAGE:Greek', 'LANGUAGE:Polish', 'LANGUAGE:Korean']);
  });
});

describe('nationalities', () => {
  test('the plural of a nationality, and the nouns for one of its people, are NORP', () => {
    assertTags('"Peruvians want jobs," she said. The Spaniard agreed, as did a Briton and two Slovenians.', [
      'NORP:Peruvians', 'NORP:Spaniard', 'NORP:Briton', 'NORP:Slovenians',
    ]);
  });
});

describe('events', () => {
  test('a tournament head after a place or a nationality makes one event ("Lisbon Open", "Dutch Open")', () => {
    const text = 'She won the Lisbon Open last year and will skip the Dutch Open in June.';
    assertTags(text, ['EVENT:Lisbon Open', 'EVENT:Dutch Open']);
    assertNotTagged(text, ['GPE:Lisbon', 'NORP:Dutch']);
    assertTags('Rain stopped play at the Harrowgate Classic on Friday.', ['EVENT:Harrowgate Classic']);
  });

  test('"Open" and "Classic" without a name before them are no event', () => {
    const text = 'Open the doors, they said. Shops stay Open late. A Classic car rolled past.';
    for (const tag of tagged(text)) assert.ok(!tag.startsWith('EVENT:'), `unexpected ${tag}`);
  });

  test('the year before an event belongs to it ("the 2031 World Cup")', () => {
    assertTags('His contract runs until the 2031 World Cup in Spain.', ['EVENT:2031 World Cup']);
  });

  test('a named storm is an event, and its name alone later too', () => {
    const text = 'Hurricane Odalys hit the coast on Monday. Odalys is the third storm this season.\nStorm Brannagh closed schools.';
    assertTags(text, ['EVENT:Hurricane Odalys', 'EVENT:Odalys', 'EVENT:Storm Brannagh']);
  });

  test('a storm word before a lowercase word or a known name is no named storm', () => {
    const text = 'Storm damage closed roads. Typhoon season starts in June. Storm Paris fans cheered.';
    for (const tag of tagged(text)) assert.ok(!tag.startsWith('EVENT:'), `unexpected ${tag}`);
  });
});

describe('facilities', () => {
  test('a square or a street named head first is a facility ("Plaza Mayor", "Piazza Navona")', () => {
    assertTags('Crowds gathered in Plaza Serrano and later in Piazza Orvieto.', ['FAC:Plaza Serrano', 'FAC:Piazza Orvieto']);
  });

  test('a name followed by its kind of building in apposition is a facility, and again later', () => {
    const text = 'Fans filled the Domo Ferrant, the city\'s largest venue, on Friday. The Domo Ferrant opened in 2002.';
    assert.equal(tagged(text).filter((tag) => tag === 'FAC:Domo Ferrant').length, 2, JSON.stringify(tagged(text)));
    assertNotTagged('They met Jorge Blava, the venue\'s owner, on Friday.', ['FAC:Jorge Blava']);
  });

  test('a golf course is a facility', () => {
    assertTags('He shot 66 on the par-72 Marrow Bay Golf Links on Saturday.', ['FAC:Marrow Bay Golf Links']);
  });
});

describe('products', () => {
  test('a name with a model number before a product noun is a product, and its name alone later too', () => {
    const text = 'Buyers queued for its Quasar 5 tablets, and the rival Vortex Z9 laptop sold out. Demand for Quasar held up.';
    assertTags(text, ['PRODUCT:Quasar 5', 'PRODUCT:Vortex Z9', 'PRODUCT:Quasar']);
  });

  test('a car or aircraft maker with a model number is a product', () => {
    assertTags('He bought a 2021 Porsche 718 and flew an Embraer 190 home.', ['PRODUCT:Porsche 718', 'PRODUCT:Embraer 190']);
  });

  test('a name with a number but no product cue is no product ("Apollo 11 crew", "Route 66")', () => {
    const text = 'Delegates from Group 20 met at Gate 4 on Tuesday.';
    for (const tag of tagged(text)) assert.ok(!tag.startsWith('PRODUCT:'), `unexpected ${tag}`);
  });

  test('an oil benchmark before "crude" is a product, and so is it alone later', () => {
    const text = 'Dubai crude rose 2%, and Urals crude slipped. Dubai has gained 4% this month.';
    assertTags(text, ['PRODUCT:Dubai', 'PRODUCT:Urals']);
    assertTags('Canada\'s Western Canada Select (WCS) crude fell.', ['PRODUCT:Western Canada Select', 'PRODUCT:WCS']);
  });

  test('a place before another noun stays a place, and a country before "crude" too', () => {
    assertTags('Dubai airport reopened on Monday.', ['GPE:Dubai']);
    assertTags('Canadian crude exports and U.S. crude inventories rose.', ['NORP:Canadian', 'GPE:U.S.']);
  });

  test('a product named after its kind ("the vaccine, called X") is one, and again later', () => {
    const text = 'The drone, called Skarabey, flew 40 km. Later a Skarabey crashed.';
    assertTags(text, ['PRODUCT:Skarabey']);
    assert.equal(tagged(text).filter((tag) => tag === 'PRODUCT:Skarabey').length, 2);
    assertNotTagged('The boy, called Tomasz, waved.', ['PRODUCT:Tomasz']);
    assertTags('The robot, named KX-Atlas, walked.', ['PRODUCT:KX-Atlas']);
  });

  test('a learnt product line with another model code is that model ("Quasar 6" after "Quasar 5 tablets")', () => {
    assertTags('It sold Quasar 5 tablets by the million. The Quasar 6, due in May, is thinner.', ['PRODUCT:Quasar 6']);
  });
});

describe('organisations beside facilities', () => {
  test('a board takes the facility it is named after ("Port Avon Harbour Board")', () => {
    assertTags('The Selsey Harbour Board met on Monday.', ['ORG:Selsey Harbour Board']);
  });
});

describe('works of art', () => {
  test('a quoted title after the kind of work or a verb of performing is a work of art', () => {
    const text = 'Fans sang "Marching Home Again" and the band played "Blue Horizon" before the film "The Last Harvest" opened.';
    assertTags(text, ['WORK_OF_ART:Marching Home Again', 'WORK_OF_ART:Blue Horizon', 'WORK_OF_ART:The Last Harvest']);
  });

  test('a quote that is speech, or lowercase, is no title', () => {
    const text = 'He said "We Won" was too early. The show "was a disaster," she said.';
    for (const tag of tagged(text)) assert.ok(!tag.startsWith('WORK_OF_ART:'), `unexpected ${tag}`);
  });
});
