/**
 * Places the generated gazetteer lacks or spells the old way: Ukrainian and Russian regions and
 * front-line towns (Ukrainian transliteration first), sub-national units, and geographic regions.
 * Donbas is a LOC (a geographic/industrial region, not a polity); Crimea and the oblasts are GPEs.
 */

export const EXTRA_GPE: readonly string[] = [
  // Ukrainian oblasts and cities, current and legacy spellings.
  'Kyiv', 'Kiev', 'Odesa', 'Odessa', 'Dnipro', 'Dnipropetrovsk', 'Donetsk', 'Luhansk', 'Lugansk', 'Zaporizhzhia',
  'Zaporizhia', 'Zaporozhye', 'Kherson', 'Mykolaiv', 'Kharkiv', 'Kharkov', 'Sumy', 'Chernihiv', 'Zhytomyr', 'Rivne',
  'Volyn', 'Lviv', 'Ternopil', 'Ivano-Frankivsk', 'Zakarpattia', 'Transcarpathia', 'Chernivtsi', 'Khmelnytskyi',
  'Vinnytsia', 'Cherkasy', 'Kirovohrad', 'Kropyvnytskyi', 'Poltava', 'Kremenchuk', 'Kryvyi Rih', 'Mariupol', 'Bakhmut',
  'Avdiivka', 'Pokrovsk', 'Kramatorsk', 'Sloviansk', 'Kupiansk', 'Izium', 'Melitopol', 'Berdiansk', 'Enerhodar',
  'Nikopol', 'Bucha', 'Irpin', 'Hostomel', 'Vuhledar', 'Toretsk', 'Chasiv Yar', 'Kostiantynivka', 'Lyman', 'Siversk',
  'Myrnohrad', 'Huliaipole', 'Orikhiv', 'Robotyne', 'Kurakhove', 'Selydove', 'Vovchansk', 'Okhtyrka', 'Uman',
  'Bila Tserkva', 'Brovary', 'Boryspil', 'Pavlohrad', 'Kamianske', 'Sievierodonetsk', 'Severodonetsk', 'Lysychansk',
  'Horlivka', 'Makiivka', 'Crimea', 'Sevastopol', 'Simferopol', 'Kerch', 'Yevpatoria', 'Feodosia', 'Dzhankoi',
  // Russian regions and cities often in war news.
  'Belgorod', 'Kursk', 'Bryansk', 'Rostov', 'Rostov-on-Don', 'Krasnodar', 'Voronezh', 'Novorossiysk', 'Tuapse',
  'Engels', 'Saratov', 'Tatarstan', 'Chechnya', 'Dagestan', 'Bashkortostan', 'Kaliningrad', 'Leningrad', 'St. Petersburg',
  'Saint Petersburg', 'Petersburg', 'Ryazan', 'Tula', 'Kaluga', 'Smolensk', 'Pskov', 'Murmansk', 'Sudzha', 'Taganrog',
  'Transnistria', 'Abkhazia', 'South Ossetia',
  // Short forms news uses for countries.
  'US', 'U.S.', 'USA', 'U.S.A.', 'UK', 'U.K.', 'Britain', 'America', 'the Netherlands', 'Holland', 'Türkiye',
  'Turkey', 'UAE', 'DPRK', 'PRC', 'ROK', 'Gaza', 'Gaza Strip', 'West Bank', 'Taiwan', 'Vatican', 'Kosovo', 'Palestine',
  'England', 'Scotland', 'Wales', 'Northern Ireland', 'Siberia',
  // US states, Canadian provinces and other sub-national units.
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Hawaii',
  'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts',
  'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey',
  'New Mexico', 'New York', 'New York City', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon',
  'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia',
  'Washington', 'Washington, D.C.', 'West Virginia', 'Wisconsin', 'Wyoming', 'Ontario', 'Quebec', 'British Columbia',
  'Alberta', 'Manitoba', 'Saskatchewan', 'Nova Scotia', 'Bavaria', 'Catalonia', 'Xinjiang', 'Tibet', 'Guangdong',
  'Kashmir', 'Punjab', 'Brussels', 'The Hague', 'Davos', 'Ramallah', 'Rafah', 'Khan Younis',
];

export const EXTRA_LOC: readonly string[] = [
  'Europe', 'Asia', 'Africa', 'North America', 'South America', 'Latin America', 'Central America', 'Antarctica',
  'Oceania', 'Eurasia', 'Middle East', 'Near East', 'Far East', 'Eastern Europe', 'Western Europe', 'Central Europe',
  'Northern Europe', 'Southern Europe', 'Central Asia', 'South Asia', 'Southeast Asia', 'East Asia', 'North Africa',
  'West Africa', 'East Africa', 'Sub-Saharan Africa', 'Balkans', 'Baltics', 'Caucasus', 'Scandinavia', 'Arctic',
  'Antarctic', 'Sahel', 'Indo-Pacific', 'Asia-Pacific', 'Donbas', 'Donbass', 'Black Sea', 'Baltic Sea', 'Sea of Azov',
  'Azov Sea', 'Red Sea', 'North Sea', 'Caspian Sea', 'Mediterranean', 'Mediterranean Sea', 'South China Sea',
  'East China Sea', 'Atlantic', 'Pacific', 'Indian Ocean', 'Arctic Ocean', 'Persian Gulf', 'Gulf of Aden',
  'Strait of Hormuz', 'Taiwan Strait', 'Bosphorus', 'Dnieper', 'Danube', 'Volga', 'Rhine', 'Nile', 'Euphrates',
  'Himalayas', 'Alps', 'Carpathians', 'Urals', 'Golan Heights', 'Snake Island', 'Zmiinyi Island', 'Kinburn Spit',
  'Korean Peninsula', 'Arabian Peninsula', 'Horn of Africa', 'Silicon Valley', 'Kuril Islands', 'Sinai',
  'Global South', 'Mount Everest',
];

/** Lowercase place nouns that follow a place without being part of its name ("Odesa regions"). */
export const GPE_SUFFIXES: readonly string[] = [
  'Oblast', 'Region', 'Province', 'County', 'Krai', 'District', 'Raion', 'Prefecture', 'Governorate', 'Municipality',
  'Voivodeship',
];
