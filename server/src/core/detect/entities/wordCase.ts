/**
 * Words written in capitals and the way a name is written in running text. The vocabulary judges every new word
 * with these while it reads it; the capitals rules and the document vocabulary ask them too.
 */

/**
 * "TOKYO", "SÃO", "O'BRIEN", and the "V" of "INDIA V AUSTRALIA": the first a letter, none lowercase, no digit.
 */
export function isShoutedWord(word: string): boolean {
  // Asked of every distinct word of a document: ASCII words, most of them, are judged from their codes alone,
  // without the two case-mapped copies; an ASCII lowercase letter or a digit rules a word out at once.
  let ascii = true;
  let asciiCapital = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return false;
    if (code >= 128) ascii = false;
    else if (code >= 65 && code <= 90) asciiCapital = true;
  }
  // Without a lowercase letter, an ASCII word is unchanged by toUpperCase; toLowerCase changes it by its capitals.
  if (ascii) return asciiCapital && isAsciiCapital(word.charCodeAt(0));
  if (word !== word.toUpperCase() || word === word.toLowerCase()) return false;
  return /^\p{L}/u.test(word);
}

/** Among ASCII characters, the letters \p{L} matches that a word with no lowercase letter can start with. */
function isAsciiCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** The word as a name is written in running text: "SAN" → "San", "SAINT-GERMAIN" → "Saint-Germain", "O'BRIEN" → "O'Brien". */
export function foldCapitals(word: string): string {
  const lower = word.toLowerCase();
  let folded = '';
  let startsPart = true;
  for (let i = 0; i < lower.length; i++) {
    const char = lower[i]!;
    // After an apostrophe only a name part restarts ("O'Brien"), not a clitic ("PEOPLE'S").
    folded += startsPart ? char.toUpperCase() : char;
    startsPart = char === '-' || ((char === "'" || char === '’') && lower.length - i > 3);
  }
  return folded;
}
