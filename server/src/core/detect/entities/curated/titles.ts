/**
 * Words that introduce a person's name ("Defense Minister Rustem Umerov", "coach Pep Guardiola").
 * Capitalised words just before a title ("Strategic Industries Minister", "Vice President") belong to the title.
 */

export const TITLES: ReadonlySet<string> = new Set([
  'President', 'President-elect', 'Minister', 'Secretary', 'Secretary-General', 'Ambassador', 'General', 'Gen.',
  'Admiral', 'Adm.', 'Colonel', 'Col.', 'Lieutenant', 'Lt.', 'Major', 'Maj.', 'Captain', 'Capt.', 'Sergeant', 'Sgt.',
  'Commander', 'Commander-in-Chief', 'Chancellor', 'Premier', 'Governor', 'Gov.', 'Mayor', 'Senator', 'Sen.', 'Rep.',
  'Representative', 'Congressman', 'Congresswoman', 'Speaker', 'Judge', 'Justice', 'Prosecutor', 'Attorney',
  'Director', 'Chairman', 'Chairwoman', 'Chair', 'Chief', 'CEO', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'King',
  'Queen', 'Prince', 'Princess', 'Pope', 'Patriarch', 'Metropolitan', 'Bishop', 'Archbishop', 'Cardinal', 'Rabbi',
  'Imam', 'Sheikh', 'Emir', 'Coach', 'Manager', 'Professor', 'Prof.', 'Dr.', 'Dr', 'Mr.', 'Mr', 'Mrs.', 'Mrs',
  'Ms.', 'Ms', 'Miss', 'Sir', 'Dame', 'Lord', 'Lady', 'Marshal', 'Commissioner', 'Envoy', 'Ombudsman',
  'Sheriff', 'Detective', 'Reverend', 'Rev.', 'Officer', 'Corporal', 'Inspector', 'Superintendent',
  'Councillor', 'Councilman', 'Councilwoman', 'Comptroller', 'Auditor', 'Treasurer', 'Leader', 'Head', 'Founder',
  'Ayatollah',
]);

/**
 * Titles that make the capitalised words before them a portfolio, not an organisation: in "Strategic Industries
 * Minister" nothing is tagged, while in "Air Force General" the organisation stands.
 */
export const PORTFOLIO_TITLES: ReadonlySet<string> = new Set([
  'Minister', 'Secretary', 'Commissioner', 'Chairman', 'Chairwoman', 'Chair', 'Director', 'Head', 'Spokesman',
  'Spokeswoman', 'Spokesperson', 'Envoy', 'Ombudsman', 'Chief',
]);

/** Lowercase roles that precede names in running text ("striker Erling Haaland", "spokesman Dmitry Peskov"). */
export const LOWERCASE_TITLES: ReadonlySet<string> = new Set([
  'president', 'minister', 'secretary', 'ambassador', 'general', 'spokesman', 'spokeswoman', 'spokesperson', 'coach',
  'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'forward', 'winger', 'captain', 'judge', 'prosecutor',
  'attorney', 'lawyer', 'senator', 'governor', 'mayor', 'chancellor', 'analyst', 'economist', 'journalist',
  'correspondent', 'reporter', 'photographer', 'commander', 'chief', 'ceo', 'founder', 'chairman', 'chairwoman',
  'director', 'leader', 'colleague', 'counterpart', 'boss', 'champion', 'actor', 'actress', 'singer', 'writer',
  'author', 'quarterback', 'pitcher', 'player', 'billionaire', 'investor', 'executive', 'officer', 'adviser',
  'advisor', 'aide', 'deputy', 'envoy', 'premier', 'dictator', 'rapper', 'entrepreneur', 'filmmaker', 'novelist',
  'historian', 'scientist', 'researcher', 'professor', 'businessman', 'businesswoman', 'oligarch', 'activist',
  'teammate', 'opponent', 'rival', 'defendant', 'plaintiff', 'juror', 'witness', 'candidate', 'nominee', 'lawmaker',
  'legislator', 'congressman', 'congresswoman', 'representative', 'tennis', 'star', 'veteran', 'blogger', 'commentator',
  'advocate', 'barrister', 'solicitor', 'counsel', 'strategist', 'trader', 'banker', 'engineer', 'councillor',
  'councilman', 'councilwoman', 'substitute', 'rider', 'cyclist', 'sprinter', 'skipper', 'batsman', 'bowler', 'jockey',
  'trainer', 'seed', 'compatriot', 'teenager', 'physician', 'surgeon', 'nurse', 'teacher', 'pilot',
  'playmaker', 'centre-back', 'fullback', 'full-back', 'keeper', 'runner', 'swimmer', 'boxer', 'golfer', 'wife',
  'husband', 'son', 'daughter', 'brother', 'sister', 'mother', 'father',
]);
