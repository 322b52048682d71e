import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyLines } from './boilerplate';
import { readEntityText } from './index';

function kinds(text: string): string[] {
  return classifyLines(text, readEntityText(text).tokens);
}

/**
 * Only lines whose words hold a piece of a marker's letters are given the marker regex (a speed-up): these lines
 * put each marker where that could go wrong (any case, inside a longer word, after a hyphen, typographic
 * apostrophes, the Kelvin sign that only lower-casing turns into a "k") and check they are still site furniture.
 */
describe('junk markers are found wherever a line holds them', () => {
  const lines = [
    'We use cookies to improve your experience on this site',
    'MANAGE YOUR COOKIE-SETTINGS BELOW BEFORE YOU CONTINUE READING THE STORY',
    'Our Fortune-Cookie Policy explains what we keep and for how long we keep it',
    'COO\u212aIES help us show you the stories that you care about most, every day',
    'Please read our Privacy Policy and Terms of Use before you go on with this',
    'Copyright 2024 The Daily Ledger. All Rights Reserved in every country of the world',
    'Click here to support independent journalism, as thousands of readers already do',
    'Why not Sign Up For our morning briefing while you wait for the next match report',
    'Subscribe to the Weekly Wrap for the best of the week in sport and politics too',
    'Thank you for signing up! Check your inbox for the confirmation we sent you today',
    'Read more @ the Daily Ledger website where the full coverage of the match lives on',
    'Download Daily8 now from your phone to get the news first thing in the morning',
    'Get it on the App Store and Google Play, free of charge for all of our readers',
    'Become a Member today and get unlimited access to all of our reporting this year',
    'Enter your email to get the briefing in your inbox every single morning at seven',
    'We’ve sent you an email with a link to confirm your address and your preferences',
    "WE'VE SENT YOU A LINK TO RESET YOUR PASSWORD, WHICH EXPIRES AFTER ONE HOUR TODAY",
    'Home > World > Europe',
    'HOME/Business/Markets and the rest of the business coverage for this morning',
    'Advertisement',
    'SHARE THIS ARTICLE',
    'Log in',
  ];
  for (const line of lines) {
    test(JSON.stringify(line), () => {
      assert.deepEqual(kinds(`The match ended 2-1 in Denver on Sunday.\n${line}\nThe coach said he was happy.`), ['prose', 'junk', 'prose']);
    });
  }

  test('a marker split over two lines marks neither', () => {
    assert.deepEqual(kinds('He said the privacy\npolicy of the club was clear.'), ['prose', 'prose']);
  });

  test('words that only look like markers leave prose alone', () => {
    assert.deepEqual(kinds('The homeowners signed up to read the store’s member list, he said.'), ['prose']);
  });
});

/**
 * Junk lines are recognised unit by unit, without building the line's key as a string (a speed-up): these lines
 * check that the comparison builds the key as junkLineKey does (case, punctuation, apostrophes, runs of spaces,
 * non-ASCII separators) and that a line with only part of a junk line, or more, stays a line of its own kind.
 */
describe('junk lines are recognised however they are written', () => {
  const junk = [
    'Share', 'SHARE', 'Share:', '» Share «', 'Share this article', 'Share  this\tarticle!', 'Share—this—article',
    'Log in', 'LOG-IN', 'Log In ›', 'Sign up', 'Editors’ Picks', "Editor's Picks", "Editors' picks", 'No comments yet…',
    'Successfuly subscribed!', '— Advertisement —', 'Related Articles:', '| Terms of Use |', 'Menu ☰',
  ];
  for (const line of junk) {
    test(JSON.stringify(line), () => {
      assert.deepEqual(kinds(`The match ended 2-1 in Denver on Sunday.\n${line}\nThe coach said he was happy.`), ['prose', 'junk', 'prose']);
    });
  }

  const notJunk = ['Shares', 'Share this', 'Share this articles', 'Sharethisarticle', 'Log in now', 'Home sweet home', 'Login2'];
  for (const line of notJunk) {
    test(`${JSON.stringify(line)} is no junk line`, () => {
      assert.notEqual(kinds(`The match ended 2-1 in Denver on Sunday.\n${line}\nThe coach said he was happy.`)[1], 'junk');
    });
  }

  test('a junk line with a non-ASCII letter is compared as its lower-cased text', () => {
    // The Kelvin sign lower-cases to an ASCII "k": "\u212aeep reading" is no junk line, "Coo\u212aie" holds a marker.
    assert.deepEqual(kinds('The match ended.\nSubscribe\u00e9\nSUBSCRIBE\nThe coach said.'), ['prose', 'headline', 'junk', 'prose']);
  });
});

/** A line's words are read only until one in lowercase settles it as prose (a speed-up): these lines settle late. */
describe('a line is prose from its first lowercase word on, wherever that word comes', () => {
  const capitalised = Array.from({ length: 60 }, (_, k) => `Word${String.fromCharCode(65 + (k % 26))}`).join(' ');
  test('a long line of capitalised words is a headline; one lowercase word at its end makes it prose', () => {
    assert.deepEqual(kinds(`He spoke.\n${capitalised}\n${capitalised} today\nShe left.`), ['prose', 'headline', 'prose', 'prose']);
  });

  test('a short line keeps being read for markers after its first lowercase word', () => {
    assert.deepEqual(kinds('He spoke.\nOur team and partners use Cookies\nShe left.'), ['prose', 'junk', 'prose']);
  });
});
