/**
 * Nationalities, religions and political groups beyond the generated demonyms, and languages.
 * A language name that is also a nationality ("Ukrainian") is a NORP unless a language cue is next to it.
 */

export const EXTRA_NORP: readonly string[] = [
  'Americans', 'Ukrainians', 'Russians', 'Europeans', 'European', 'Asian', 'Asians', 'African', 'Africans',
  'Latino', 'Latinos', 'Latina', 'Hispanic', 'Hispanics', 'Arab', 'Arabs', 'Slavic', 'Slav', 'Slavs',
  'Soviet', 'Soviets', 'Nazi', 'Nazis', 'Bolshevik', 'Bolsheviks', 'Communist', 'Communists', 'Socialist',
  'Socialists', 'Democrat', 'Democrats', 'Republican', 'Republicans', 'Conservatives', 'Liberals', 'Tory', 'Tories',
  'Christian', 'Christians', 'Muslim', 'Muslims', 'Moslem', 'Islamic', 'Islamist', 'Islamists', 'Jewish', 'Jew', 'Jews',
  'Catholic', 'Catholics', 'Orthodox', 'Protestant', 'Protestants', 'Evangelical', 'Evangelicals', 'Buddhist',
  'Buddhists', 'Hindu', 'Hindus', 'Sikh', 'Sikhs', 'Sunni', 'Sunnis', 'Shia', 'Shiite', 'Shiites', 'Kurd', 'Kurds',
  'Kurdish', 'Tatar', 'Tatars', 'Crimean Tatar', 'Crimean Tatars', 'Uyghur', 'Uyghurs', 'Uighur', 'Pashtun', 'Roma',
  'Cossack', 'Cossacks', 'Chechen', 'Chechens', 'Houthi', 'Houthis', 'Baltic', 'Nordic', 'Scandinavian', 'English',
  'Scottish', 'Welsh', 'Scots', 'Brits', 'Danes', 'Poles', 'Finns', 'Swedes', 'Turks', 'Czechs', 'Serbs', 'Croats',
  'Germans', 'Italians', 'Norwegians', 'Belarusians', 'Georgians', 'Israelis', 'Palestinians', 'Iranians', 'Chinese',
  'Japanese', 'Korean', 'Koreans', 'Persian', 'Thai', 'Malay', 'Tamil', 'Tamils', 'Punjabi', 'Bengali', 'South Koreans', 'North Koreans', 'Indians', 'Pakistanis', 'Afghans', 'Syrians', 'Iraqis',
  'Moldovans', 'Latvians', 'Lithuanians', 'Estonians', 'Hungarians', 'Romanians', 'Bulgarians', 'Canadians',
  'Australians', 'Mexicans', 'Brazilians', 'Crimean', 'Kyivan', 'Muscovite', 'Muscovites',
  // One of a nation's people, where the word differs from the adjective; and common variants of demonyms.
  'Spaniard', 'Spaniards', 'Briton', 'Britons', 'Dane', 'Swede', 'Frenchman', 'Frenchwoman', 'Frenchmen',
  'Englishman', 'Englishwoman', 'Irishman', 'Irishwoman', 'Welshman', 'Scotsman', 'Scotswoman', 'Dutchman',
  'Dutchwoman', 'Slovenian', 'Slovenians', 'Filipino', 'Filipinos',
];

export const LANGUAGES: readonly string[] = [
  'English', 'French', 'Spanish', 'German', 'Russian', 'Ukrainian', 'Arabic', 'Chinese', 'Mandarin', 'Cantonese',
  'Japanese', 'Korean', 'Hindi', 'Urdu', 'Persian', 'Farsi', 'Turkish', 'Polish', 'Italian', 'Portuguese', 'Hebrew',
  'Yiddish', 'Latin', 'Greek', 'Swahili', 'Dutch', 'Swedish', 'Norwegian', 'Danish', 'Finnish', 'Estonian', 'Latvian',
  'Lithuanian', 'Belarusian', 'Georgian', 'Armenian', 'Romanian', 'Hungarian', 'Czech', 'Slovak', 'Serbian',
  'Croatian', 'Bulgarian', 'Bengali', 'Punjabi', 'Tamil', 'Vietnamese', 'Thai', 'Indonesian', 'Malay', 'Tagalog',
  'Esperanto', 'Crimean Tatar', 'Surzhyk',
  // Languages no nationality shares: always the language.
  'Marathi', 'Telugu', 'Gujarati', 'Kannada', 'Malayalam', 'Odia', 'Pashto', 'Dari', 'Amharic', 'Tigrinya',
  'Sanskrit', 'Afrikaans',
];

/** Words that, just before a language name, make it the language ("in Ukrainian", "speaks Russian"). */
export const LANGUAGE_CUES: ReadonlySet<string> = new Set([
  'in', 'into', 'speak', 'speaks', 'spoke', 'speaking', 'spoken', 'write', 'writes', 'wrote', 'written', 'read',
  'learn', 'learning', 'learned', 'translated', 'translate', 'fluent', 'native', 'understandable', 'broken',
  'between', 'switching', 'switched', 'switch', 'subtitled', 'dubbed', 'language', 'languages',
]);
