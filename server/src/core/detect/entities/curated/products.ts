/**
 * Weapons, vehicles, aircraft and software. Names that are also ordinary words or names elsewhere
 * ("Patriot", "Neptune", "Lancet", "Abrams") are only products with military context nearby.
 */

export const PRODUCTS: readonly string[] = [
  'HIMARS', 'ATACMS', 'GMLRS', 'NASAMS', 'IRIS-T', 'SAMP/T', 'Storm Shadow', 'SCALP', 'Bayraktar', 'Bayraktar TB2',
  'TB2', 'Shahed', 'Geran', 'Iskander', 'Iskander-M', 'Kinzhal', 'Kalibr', 'Zircon', 'Oreshnik', 'Sarmat', 'Onyx',
  'Oniks', 'Lancet-3', 'Orlan', 'Orlan-10', 'Pantsir', 'Tor-M2', 'Buk', 'Starlink', 'iPhone', 'iPad', 'iOS',
  'Android', 'ChatGPT', 'Gemini', 'Copilot', 'Windows', 'PlayStation', 'Xbox', 'Boeing 737', 'Boeing 737 MAX',
  'Airbus A320', 'Gripen', 'Eurofighter', 'Eurofighter Typhoon', 'Rafale', 'Mirage', 'Mirage 2000', 'Leopard 1',
  'Leopard 2', 'Leopard 2A4', 'Leopard 2A6', 'Challenger 2', 'Bradley Fighting Vehicle', 'Stryker', 'Marder', 'CV90',
  'PzH 2000', 'Krab', 'Bohdana', 'Archer', 'Gepard', 'Skynex', 'Hawk', 'Stinger', 'Switchblade', 'Phoenix Ghost',
  'Tomahawk', 'Harpoon', 'Hellfire', 'Excalibur', 'Kalashnikov', 'AK-47', 'Predator', 'Reaper', 'Black Hawk',
  'Chinook', 'Apache', 'Ka-52', 'Mi-8', 'Mi-24', 'Tu-95', 'Tu-22M3', 'Tu-160', 'A-50', 'Il-76', 'Su-24', 'Su-25',
  'Su-27', 'Su-30', 'Su-34', 'Su-35', 'Su-57', 'MiG-29', 'MiG-31', 'MiG-31K', 'F-16', 'F-35', 'F-15', 'F/A-18',
  'A-10', 'C-130', 'B-52', 'Baba Yaga', 'Liutyi', 'Lyutyi', 'Magura', 'Magura V5', 'Sea Baby', 'Flamingo', 'Ruta',
  'Palianytsia', 'Peklo', 'Neptune', 'Long Neptune', 'Patriot', 'Taurus', 'Javelin', 'Abrams', 'Leopard', 'Lancet',
  'Challenger', 'Bradley', 'Caesar', 'Hermes', 'Harop', 'Mavic', 'Kh-101', 'Kh-22', 'Kh-59', 'S-300', 'S-400',
  'S-500', 'T-72', 'T-80', 'T-90', 'M777', 'M1 Abrams', 'M2 Bradley', 'BMP-2', 'BTR-82', 'Grad', 'Smerch', 'Uragan',
  'Tornado-S', 'Starship', 'Falcon 9',
];

/** Products that need context: without it they are a planet, a journal, a surname or an adjective. */
export const CONTEXT_PRODUCTS: ReadonlySet<string> = new Set([
  'Neptune', 'Patriot', 'Taurus', 'Javelin', 'Abrams', 'Leopard', 'Lancet', 'Challenger', 'Bradley', 'Caesar',
  'Hermes', 'Archer', 'Hawk', 'Stinger', 'Harpoon', 'Predator', 'Reaper', 'Apache', 'Gemini', 'Windows', 'Mirage',
  'Excalibur', 'Grad', 'Tornado-S', 'Buk', 'Flamingo', 'Ruta', 'Onyx', 'Hellfire', 'Tomahawk', 'Starship', 'Peklo',
  'Copilot', 'Mavic', 'Geran', 'Orlan', 'Krab', 'Marder',
]);

/** The other sense of an ambiguous product after "The" ("The Lancet" is a medical journal). */
export const THE_SENSES: ReadonlyMap<string, 'ORG'> = new Map([['Lancet', 'ORG']]);

/** Words near an ambiguous product that make it one ("Lancet drone", "Patriot batteries"). */
export const PRODUCT_CONTEXT: ReadonlySet<string> = new Set([
  'drone', 'drones', 'missile', 'missiles', 'rocket', 'rockets', 'munition', 'munitions', 'loitering', 'tank', 'tanks',
  'system', 'systems', 'battery', 'batteries', 'launcher', 'launchers', 'interceptor', 'interceptors', 'jet', 'jets',
  'fighter', 'fighters', 'aircraft', 'helicopter', 'helicopters', 'howitzer', 'howitzers', 'air', 'defense', 'defence',
  'cruise', 'ballistic', 'anti-tank', 'armored', 'armoured', 'vehicle', 'vehicles', 'strike', 'strikes', 'launch',
  'launched', 'fired', 'shot', 'downed', 'warhead', 'app', 'software', 'chatbot', 'phone', 'smartphone', 'model',
]);

/** Lowercase heads that turn the capitalised word before them into a product ("Flamingo and Ruta missiles"). */
export const PRODUCT_HEADS: ReadonlySet<string> = new Set([
  'missile', 'missiles', 'drone', 'drones', 'tank', 'tanks', 'jet', 'jets', 'rocket', 'rockets', 'howitzer',
  'howitzers', 'launcher', 'launchers', 'interceptor', 'interceptors', 'helicopter', 'helicopters', 'warplane',
  'warplanes', 'munition', 'munitions', 'rifle', 'rifles', 'system', 'systems', 'fighter', 'fighters', 'bomber',
  'bombers', 'smartphone', 'smartphones', 'chatbot', 'app',
]);

/**
 * Hyphenated model designators ("Su-34", "Shahed-136", "Kh-101"): a known prefix, a hyphen, then digits.
 */
export const DESIGNATOR_PREFIXES: ReadonlySet<string> = new Set([
  'F', 'Su', 'MiG', 'T', 'Tu', 'Ka', 'Mi', 'Kh', 'S', 'AH', 'UH', 'MQ', 'RQ', 'B', 'C', 'KC', 'A', 'AGM', 'AIM',
  'BMP', 'BTR', 'BM', 'Il', 'An', 'Yak', 'Shahed', 'Geran', 'Lancet', 'Orlan', 'Iskander', 'Kinzhal', 'Kalibr',
  'Zala', 'Mavic', 'Bayraktar', 'TB', 'Leopard', 'Challenger', 'M', 'R', 'P', 'K', 'RS', 'Tor', 'Buk', 'Pantsir',
]);
