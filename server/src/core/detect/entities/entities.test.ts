import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { findEntities } from './index';
import { assertNoTagCovers, assertTags, tagged } from '../../../../../test/support/entityAssertions';

const seedsDir = join(import.meta.dirname, '../../../../../seeds');
function seed(prefix: string): string {
  const file = readdirSync(seedsDir).find((name) => name.startsWith(prefix));
  assert.ok(file, `seed ${prefix} exists`);
  return readFileSync(join(seedsDir, file), 'utf8');
}

describe('people', () => {
  test("tags 'Volodymyr Zelensky' as one PERSON after 'President'", () => {
    assertTags('President Volodymyr Zelensky did not specify the exact number.', ['PERSON:Volodymyr Zelensky']);
  });

  test('tags a name after a compound title without tagging the title ("Strategic Industries Minister")', () => {
    const text = 'Strategic Industries Minister Oleksandr Kamyshin revealed the figures.';
    assertTags(text, ['PERSON:Oleksandr Kamyshin']);
    assertNoTagCovers(text, ['Strategic', 'Minister']);
  });

  test('tags an unknown surname after a title and finds it again later, possessive included', () => {
    const text = "Defense Minister Taras Melnychuk visited Lviv. Melnychuk's statement followed talks. \"We agreed,\" Melnychuk said.";
    const tags = tagged(text);
    assert.ok(tags.includes('PERSON:Taras Melnychuk'));
    assert.equal(tags.filter((tag) => tag === 'PERSON:Melnychuk').length, 2, JSON.stringify(tags));
  });

  test('finds a surname-only headline mention once the full name appears in the body', () => {
    const text = 'Horbenko: Ukraine to build more drones\n\nDefense Minister Ostap Horbenko said on Monday that output would grow.';
    assertTags(text, ['PERSON:Horbenko', 'PERSON:Ostap Horbenko']);
  });

  test('tags a surname before a verb of saying ("Spruds said") and after one ("said Umerov")', () => {
    assertTags('"We must continue," Spruds said on X.', ['PERSON:Spruds']);
    assertTags('"The coalition is growing," said Umerov.', ['PERSON:Umerov']);
  });

  test('tags names after "Mr.", lowercase roles and with particles', () => {
    assertTags('Mr. Whitaker arrived in Kyiv.', ['PERSON:Whitaker']);
    assertTags('United manager Erik ten Hag praised striker Marcus Rashford.', ['PERSON:Erik ten Hag', 'PERSON:Marcus Rashford']);
  });

  test('prefers a person over a city of the same name ("Oleksandr Kamyshin", not the town Kamyshin)', () => {
    const text = 'Oleksandr Kamyshin spoke in Stockholm. "We produce more now," Kamyshin said.';
    assertTags(text, ['PERSON:Oleksandr Kamyshin', 'PERSON:Kamyshin', 'GPE:Stockholm']);
  });

  test('does not tag "Officials said" or "Tuesday announced" as people', () => {
    assertNoTagCovers('Officials said the plant was hit. Ukraine on Tuesday announced a venture.', ['Officials', 'Tuesday']);
  });
});

describe('places', () => {
  test('tags "Odesa" in "Dnipropetrovsk and Odesa regions" and a whole "Kharkiv Oblast"', () => {
    assertTags('Dnipropetrovsk and Odesa regions were hit.', ['GPE:Dnipropetrovsk', 'GPE:Odesa']);
    assertTags('Shelling continued in Kharkiv Oblast overnight.', ['GPE:Kharkiv Oblast']);
  });

  test('tags continents, seas and regions as LOC, Donbas included', () => {
    assertTags('Ships in the Black Sea and fighting in Donbas worry Eastern Europe.', ['LOC:Black Sea', 'LOC:Donbas', 'LOC:Eastern Europe']);
  });

  test('splits "Russia-Ukraine" and "Kyiv-based" into the places they name', () => {
    assertTags('The Russia-Ukraine war hit a Kyiv-based firm.', ['GPE:Russia', 'GPE:Ukraine', 'GPE:Kyiv']);
  });

  test('tags a power plant as FAC including the place in its name', () => {
    assertTags('Missiles fell near the Zaporizhzhia Nuclear Power Plant.', ['FAC:Zaporizhzhia Nuclear Power Plant']);
  });
});

describe('organisations, groups and laws', () => {
  test('tags "Defense Ministry" as ORG and "Ukraine" as GPE in "Ukraine\'s Defense Ministry"', () => {
    assertTags('Ukraine’s Defense Ministry announced new contracts.', ['GPE:Ukraine', 'ORG:Defense Ministry']);
  });

  test('tags organisations by their head word and "of" tail', () => {
    assertTags('The Armed Forces of Ukraine met the Ministry of National Defence and the Kyiv City Council.', [
      'ORG:Armed Forces of Ukraine',
      'ORG:Ministry of National Defence',
      'ORG:Kyiv City Council',
    ]);
  });

  test('tags well-known organisations and news outlets by name', () => {
    assertTags('The European Union and NATO responded, the South China Morning Post reported, citing AFP and Getty Images.', [
      'ORG:European Union',
      'ORG:NATO',
      'ORG:South China Morning Post',
      'ORG:AFP',
      'ORG:Getty Images',
    ]);
  });

  test('tags sports clubs after their city', () => {
    assertTags('The Los Angeles Lakers beat Manchester United fans to the headlines.', ['ORG:Los Angeles Lakers', 'ORG:Manchester United']);
  });

  test('tags nationalities and groups as NORP, and a language after "in" as LANGUAGE', () => {
    assertTags('Danish and Ukrainian officials met Democrats. The minister spoke in Ukrainian.', [
      'NORP:Danish',
      'NORP:Ukrainian',
      'NORP:Democrats',
      'LANGUAGE:Ukrainian',
    ]);
  });

  test('tags laws and events', () => {
    assertTags('Under the Constitution and the Lend-Lease Act, after World War II and the Munich Security Conference.', [
      'LAW:the Constitution',
      'LAW:Lend-Lease Act',
      'EVENT:World War II',
      'EVENT:Munich Security Conference',
    ]);
  });
});

describe('products', () => {
  test('tags unknown capitalised names right before "missiles" ("Koliber and Zubr missiles")', () => {
    assertTags('Ukraine will mass-produce Koliber and Zubr missiles.', ['PRODUCT:Koliber', 'PRODUCT:Zubr']);
  });

  test('tags "Lancet" as PRODUCT near "drone" but as the journal ORG in "The Lancet, a medical journal"', () => {
    assertTags('How Russia’s homegrown Lancet drone became so feared.', ['PRODUCT:Lancet']);
    assertTags('The Lancet, a medical journal, published the study.', ['ORG:Lancet']);
  });

  test('tags "Patriot" only with air-defence context, never "patriotic"', () => {
    assertTags('Patriot systems shot down six missiles.', ['PRODUCT:Patriot']);
    assert.deepEqual(tagged('A patriotic Patriot fan cheered.'), []);
  });

  test('tags weapon names and model designators', () => {
    assertTags('HIMARS, Storm Shadow, Bayraktar TB2, an F-16 and Shahed-136 drones.', [
      'PRODUCT:HIMARS',
      'PRODUCT:Storm Shadow',
      'PRODUCT:Bayraktar TB2',
      'PRODUCT:F-16',
      'PRODUCT:Shahed-136',
    ]);
  });
});

describe('web-capture junk', () => {
  test('does not tag menus, subscription widgets or breadcrumbs', () => {
    const text = 'Skip to content\nEdit post\nHome > War > Ukraine news\nSubscribe\n* indicates required\nBecome a member Support us just once\nRead more\nShare This Article\n';
    assert.deepEqual(tagged(text), []);
  });

  test('tags nothing in a Title-Case headline without known names ("Deadly Drone Arms Race Intensifies")', () => {
    assert.deepEqual(tagged('Deadly Drone Arms Race Intensifies\nTry Our AI Features'), []);
  });

  test('still tags known names in a Title-Case headline', () => {
    assertTags('Ukraine and UK Agree to Jointly Produce Drones', ['GPE:Ukraine', 'GPE:UK']);
    assertNoTagCovers('Ukraine and UK Agree to Jointly Produce Drones', ['Agree', 'Drones']);
  });

  test('does not tag sentence-initial capitals or comment usernames', () => {
    assert.deepEqual(tagged('Drones have played a central role.\nThuban\nSpeaking about shells, we produce more.'), []);
  });
});

describe('the sample articles', () => {
  const mustHave: Record<string, string[]> = {
    '000': ['PERSON:Volodymyr Zelensky', 'PERSON:Matthew Whitaker', 'GPE:Poland', 'GPE:Odesa', 'ORG:European Union', 'ORG:NATO'],
    '001': ['PERSON:Oleksandr Kamyshin', 'GPE:Stockholm'],
    '002': ['PERSON:Rustem Umerov', 'PERSON:Keir Starmer', 'GPE:Dnipro'],
    '003': ['GPE:Denmark', 'ORG:South China Morning Post'],
    '004': ['PERSON:Andris Spruds', 'PERSON:Denys Shmyhal', 'PERSON:Dinara Khalilova', 'GPE:Latvia', 'PRODUCT:Lancet'],
  };
  for (const [prefix, expected] of Object.entries(mustHave)) {
    test(`finds the must-have entities of seed ${prefix}`, () => assertTags(seed(prefix), expected));
  }

  test('leaves the subscription footer of seed 004 untagged', () => {
    const text = seed('004');
    const footer = text.indexOf('Editors');
    assert.ok(footer > 0);
    assert.deepEqual(findEntities(text).filter((span) => span.start >= footer), []);
  });
});

describe('robustness', () => {
  test('returns nothing for empty and whitespace-only text', () => {
    assert.deepEqual(findEntities(''), []);
    assert.deepEqual(findEntities(' \n\r\n\t'), []);
  });

  test('keeps UTF-16 offsets right after emoji and CRLF line ends', () => {
    const text = '🇺🇦🔥 Update\r\nPresident Volodymyr Zelensky visited Kyiv 🙂.\r\n';
    assertTags(text, ['PERSON:Volodymyr Zelensky', 'GPE:Kyiv']);
  });

  test('survives lone surrogates, control characters and ALL CAPS text', () => {
    const text = '\uD800Kyiv\uDC00 \u0000 NATO\u0007\nUKRAINE TO BOOST DRONE PRODUCTION\n';
    assert.doesNotThrow(() => findEntities(text));
    assertTags(text, ['GPE:Kyiv']);
  });

  test('always returns sorted, non-overlapping spans inside the text, with confidence in 0..1', () => {
    const pieces = ['Volodymyr', 'Zelensky', 'said', 'Kyiv', 'the', 'Ministry', 'of', 'Defense', "'s", '\n', '.', ',', '🙂', '\uD800', 'Su-34', 'and', 'missiles', 'Home >', 'US', ' '];
    const arbitraryText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((words) => words.join(' ')),
    );
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const spans = findEntities(text);
        let previousEnd = 0;
        for (const span of spans) {
          assert.ok(span.start >= previousEnd && span.end > span.start && span.end <= text.length);
          assert.ok(span.confidence > 0 && span.confidence <= 1);
          previousEnd = span.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
