/** Named events and laws, plus the head words that mark new ones ("Munich Security Conference", "Patriot Act"). */

export const EVENTS: readonly string[] = [
  'World War I', 'World War II', 'World War One', 'World War Two', 'WWI', 'WWII', 'First World War',
  'Second World War', 'Cold War', 'Great Patriotic War', 'Olympics', 'Olympic Games', 'Winter Olympics',
  'Summer Olympics', 'Paralympics', 'Paralympic Games', 'World Cup', 'Champions League', 'Europa League',
  'Super Bowl', 'Wimbledon', 'Tour de France', 'Eurovision', 'Munich Security Conference', 'Ramstein', 'Holocaust',
  'Holodomor', 'Euromaidan', 'Revolution of Dignity', 'Orange Revolution', 'Arab Spring', 'Brexit', 'Davos Forum',
  'Yalta European Strategy', 'Ukraine Recovery Conference', 'Battle of Bakhmut', 'Kursk offensive', 'D-Day',
  'Operation Spiderweb', 'Oscars', 'Grammys', 'Stanley Cup', 'World Series', 'NBA Finals', 'US Open',
  'Australian Open', 'French Open', 'Euro 2024', 'Euro 2028',
];

export const EVENT_CUES: readonly string[] = [
  'Summit', 'Conference', 'Forum', 'Games', 'Championship', 'Championships', 'Cup', 'Festival', 'Expo', 'War',
  'Revolution', 'Massacre', 'Tournament', 'Marathon', 'Grand Prix', 'Olympiad', 'Crisis', 'Offensive', 'Uprising',
  'Awards', 'Congress of',
  // Tournaments named after a place or a sponsor: "Madrid Open", "Lisbon Classic", "Harrow Trophy".
  'Open', 'Classic', 'Trophy',
];

/**
 * Words that name the thing after them: "Hurricane Odalys", "Storm Brannagh" (EVENT); squares and streets named
 * head first in the languages that do so, "Plaza Serrano", "Piazza Navona", "Rua Augusta" (FAC).
 */
export const PREFIX_LABELS: ReadonlyMap<string, 'EVENT' | 'FAC'> = new Map([
  ['Storm', 'EVENT'], ['Hurricane', 'EVENT'], ['Typhoon', 'EVENT'], ['Cyclone', 'EVENT'],
  ['Plaza', 'FAC'], ['Piazza', 'FAC'], ['Praça', 'FAC'], ['Rua', 'FAC'], ['Avenida', 'FAC'], ['Calle', 'FAC'], ['Rue', 'FAC'],
]);

export const LAWS: readonly string[] = [
  'the Constitution', 'Constitution of Ukraine', 'US Constitution', 'Geneva Conventions', 'Geneva Convention',
  'Budapest Memorandum', 'Minsk agreements', 'Minsk Agreements', 'Minsk II', 'Paris Agreement', 'Patriot Act',
  'Affordable Care Act', 'Obamacare', 'Title IX', 'Article 5', 'Article 51', 'Magna Carta', 'Bill of Rights',
  'Lend-Lease', 'Lend-Lease Act', 'Good Friday Agreement', 'Rome Statute', 'UN Charter', 'Schengen Agreement',
  'First Amendment', 'Second Amendment', 'Fifth Amendment', 'Fourteenth Amendment',
];

export const LAW_CUES: readonly string[] = [
  'Act', 'Law', 'Treaty', 'Convention', 'Accords', 'Accord', 'Code', 'Charter', 'Protocol', 'Amendment', 'Directive',
  'Regulation', 'Statute', 'Memorandum', 'Doctrine',
];

/** Heads of facilities: airports, bridges, plants, streets, venues. */
export const FAC_CUES: readonly string[] = [
  'Airport', 'Bridge', 'Power Plant', 'Power Station', 'Plant', 'Dam', 'Street', 'Avenue', 'Boulevard', 'Square',
  'Stadium', 'Arena', 'Palace', 'Cathedral', 'Church', 'Mosque', 'Synagogue', 'Monastery', 'Lavra', 'Tower',
  'Building', 'Air Base', 'Airbase', 'Naval Base', 'Base', 'Refinery', 'Terminal', 'Pipeline', 'Highway', 'Canal',
  'Prison', 'Port', 'Harbor', 'Harbour', 'Station', 'Hospital', 'Memorial', 'Museum', 'Theatre', 'Theater',
  'Golf Links', 'Velodrome', 'Racecourse',
];

export const FACILITIES: readonly string[] = [
  'Nord Stream', 'Nord Stream 2', 'Crimean Bridge', 'Kerch Bridge', 'Kakhovka', 'Chornobyl', 'Chernobyl',
  'Azovstal', 'Maidan', 'Maidan Nezalezhnosti', 'Red Square', 'Wall Street', 'Pentagon building',
];

/** Heads of natural places: seas, rivers, mountains. */
export const LOC_CUES: readonly string[] = [
  'Sea', 'Ocean', 'River', 'Lake', 'Mountains', 'Mountain', 'Mount', 'Gulf', 'Bay', 'Strait', 'Peninsula', 'Valley',
  'Desert', 'Island', 'Islands', 'Coast', 'Forest', 'Spit',
];
