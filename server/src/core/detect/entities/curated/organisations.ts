/** Organisations news mentions by name alone, without a cue word such as "Ministry" or "Inc.". */

const INTERNATIONAL = [
  'European Union', 'EU', 'NATO', 'UN', 'U.N.', 'United Nations', 'UN Security Council', 'Security Council',
  'UNESCO', 'UNICEF', 'UNHCR', 'WHO', 'World Health Organization', 'IMF', 'International Monetary Fund', 'World Bank',
  'WTO', 'OSCE', 'IAEA', 'ICC', 'International Criminal Court', 'International Court of Justice', 'Red Cross', 'ICRC',
  'G7', 'G-7', 'G20', 'G-20', 'BRICS', 'OPEC', 'OPEC+', 'ASEAN', 'Asean', 'African Union', 'Arab League',
  'Council of Europe', 'European Commission', 'European Parliament', 'European Council', 'European Central Bank', 'ECB',
  'Eurostat', 'Europol', 'Interpol', 'World Economic Forum', 'Amnesty International', 'Human Rights Watch',
  'Doctors Without Borders', 'Greenpeace', 'Ramstein Group', 'Ukraine Defense Contact Group', 'Joint Chiefs of Staff',
];

const GOVERNMENT = [
  'Pentagon', 'Kremlin', 'White House', 'Congress', 'Senate', 'House of Representatives', 'Capitol Hill',
  'Downing Street', 'Whitehall', 'Élysée', 'Bundestag', 'Bundeswehr', 'Knesset', 'Verkhovna Rada', 'Rada', 'Duma',
  'State Duma', 'State Department', 'Federal Reserve', 'Fed', 'CIA', 'FBI', 'NSA', 'DHS', 'SEC', 'FDA', 'NASA', 'SBU',
  'GUR', 'HUR', 'FSB', 'GRU', 'SVR', 'KGB', 'MI6', 'MI5', 'Mossad', 'IDF', 'Rosgvardia', 'Ukrenergo', 'Naftogaz',
  'Energoatom', 'Ukrzaliznytsia', 'Ukroboronprom', 'Gazprom', 'Rosatom', 'Rosneft', 'Roscosmos', 'Lukoil',
  'Wagner', 'Wagner Group', 'Hamas', 'Hezbollah', 'Taliban', 'ISIS', 'Islamic State', 'Al-Qaeda', 'al-Qaeda',
  'Azov', 'Azov Brigade', 'Democratic Party', 'Republican Party', 'Labour', 'Labour Party', 'Tories',
  'Conservative Party', 'Servant of the People', 'United Russia', 'Supreme Court', 'Constitutional Court',
];

const COMPANIES = [
  'Apple', 'Apple Inc.', 'Google', 'Alphabet', 'Microsoft', 'Meta', 'Facebook', 'Instagram', 'Twitter', 'Telegram',
  'WhatsApp', 'TikTok', 'YouTube', 'OpenAI', 'Anthropic', 'Nvidia', 'Intel', 'AMD', 'Samsung', 'Huawei', 'Xiaomi',
  'Tesla', 'SpaceX', 'Amazon', 'Netflix', 'Uber', 'IBM', 'Oracle', 'Siemens', 'Volkswagen', 'BMW', 'Toyota',
  'Goldman Sachs', 'JPMorgan', 'JPMorgan Chase', 'Morgan Stanley', 'Citigroup', 'Citi', 'BlackRock', 'HSBC',
  'Barclays', 'Deutsche Bank', 'UBS', 'Visa', 'Mastercard', 'PayPal', "Moody's", 'Fitch', 'S&P', 'Nasdaq',
  'Lockheed Martin', 'Raytheon', 'RTX', 'Boeing', 'Airbus', 'BAE Systems', 'General Dynamics', 'Northrop Grumman',
  'Rheinmetall', 'Thales', 'Saab', 'MBDA', 'Diehl', 'KNDS', 'Krauss-Maffei Wegmann', 'Baykar', 'Roketsan', 'Aselsan',
  'Anduril', 'Palantir', 'Helsing', 'Skyeton', 'Antonov', 'Motor Sich', 'Kalashnikov Concern', 'Almaz-Antey',
  'Shell', 'BP', 'ExxonMobil', 'Chevron', 'Aramco', 'Pfizer', 'Moderna', 'AstraZeneca',
];

const MEDIA = [
  'Reuters', 'AFP', 'Agence France-Presse', 'AP', 'Associated Press', 'Bloomberg', 'BBC', 'CNN', 'Fox News', 'NBC',
  'CBS', 'NPR', 'New York Times', 'Washington Post', 'Wall Street Journal', 'Financial Times', 'The Economist',
  'Economist', 'The Guardian', 'Politico', 'Axios', 'Al Jazeera', 'Ukrainska Pravda', 'Kyiv Independent',
  'The Kyiv Independent', 'Kyiv Post', 'Ukrinform', 'Interfax', 'Interfax-Ukraine', 'TASS', 'RIA Novosti', 'Meduza',
  'South China Morning Post', 'SCMP', 'Xinhua', 'Getty Images', 'Euronews', 'Deutsche Welle', 'DW', 'Sky News',
  'Radio Free Europe', 'RFE/RL', 'Der Spiegel', 'Le Monde', 'Daily8', 'ISW', 'Institute for the Study of War',
];

const SPORT = [
  'FIFA', 'UEFA', 'IOC', 'NBA', 'NFL', 'MLB', 'NHL', 'ATP', 'WTA', 'Premier League', 'La Liga', 'Serie A',
  'Bundesliga', 'Real Madrid', 'Barcelona FC', 'Bayern Munich', 'Juventus', 'Shakhtar Donetsk', 'Dynamo Kyiv',
];

export const ORGANISATIONS: readonly string[] = [...INTERNATIONAL, ...GOVERNMENT, ...COMPANIES, ...MEDIA, ...SPORT];

/**
 * Legal forms that end a company's name ("Toyota Motor Corp.", "Halvorsen Maritime AG"): the whole sequence
 * before them is the company, a known company name inside it included.
 */
export const LEGAL_SUFFIXES: readonly string[] = [
  'Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation', 'Co', 'Co.', 'Cos.', 'Ltd', 'Ltd.', 'Limited', 'LLC', 'L.L.C.', 'LLP',
  'LP', 'L.P.', 'PLC', 'Plc', 'plc', 'AG', 'GmbH', 'SA', 'S.A.', 'SE', 'NV', 'N.V.', 'BV', 'B.V.', 'SpA', 'S.p.A.',
  'AB', 'ASA', 'A/S', 'Oyj', 'Bhd', 'Pty', 'KK', 'K.K.', 'SAS', 'S.A.S.', 'Srl', 'S.r.l.', 'Group', 'Holdings',
  'Holding',
];

/**
 * Head words that make a capitalised sequence an organisation ("Defense Ministry", "Goldman Sachs Group",
 * "Armed Forces of Ukraine"). Titles ("Minister") are not here: they introduce people.
 */
export const ORG_CUES: readonly string[] = [
  'Ministry', 'Commission', 'Council', 'Agency', 'Company', 'Co.', 'Corp.', 'Corp', 'Corporation', 'Inc.', 'Inc',
  'Ltd', 'Ltd.', 'LLC', 'PLC', 'plc', 'AG', 'GmbH', 'SA', 'Group', 'Holdings', 'Bank', 'University', 'College',
  'Academy', 'School', 'Institute', 'Foundation', 'Fund', 'Party', 'Forces', 'Force', 'Army', 'Navy', 'Guard',
  'Corps', 'Brigade', 'Battalion', 'Regiment', 'Command', 'Directorate', 'Committee', 'Union', 'Association',
  'Organization', 'Organisation', 'Federation', 'League', 'Club', 'FC', 'Court', 'Tribunal', 'Parliament', 'Assembly',
  'Department', 'Office', 'Service', 'Services', 'Bureau', 'Authority', 'Police', 'Embassy', 'Administration',
  'Government', 'Post', 'Times', 'News', 'Journal', 'Herald', 'Tribune', 'Gazette', 'Telegraph', 'Press',
  'Radio', 'Television', 'TV', 'Network', 'Independent', 'Airlines', 'Airways', 'Motors', 'Technologies',
  'Systems', 'Industries', 'Pharmaceuticals', 'Labs', 'Studios', 'Partners', 'Exchange',
  'Cabinet', 'Senate', 'Congress', 'Coalition', 'Alliance', 'Center', 'Centre', 'Securities', 'Capital',
  'Investments', 'Ventures', 'Bancorp', 'Insurance', 'Logistics', 'Trust', 'Movement', 'Board',
  ...LEGAL_SUFFIXES,
];

/** Team-name heads after a city ("Manchester United", "Leicester City"). */
export const CLUB_SUFFIXES: readonly string[] = ['United', 'City', 'Rovers', 'Wanderers', 'Athletic', 'Hotspur', 'Albion', 'Rangers', 'Celtic'];
