import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dependsOnReference } from './dateReference';

const at = (text: string, needle: string) => [text.indexOf(needle), text.indexOf(needle) + needle.length] as const;

describe('whether a date hangs on the reference date', () => {
  it('says so of weekdays, bare months and weeks, not of dates that stand on their own', () => {
    const text = 'Headline\nOfficials said on Tuesday that talks in December failed; last week they met, as in March 2023 and recently.\nMore.';
    for (const relative of ['Tuesday', 'December', 'last week']) assert.equal(dependsOnReference(text, ...at(text, relative)), true, relative);
    for (const absolute of ['March 2023', 'recently']) assert.equal(dependsOnReference(text, ...at(text, absolute)), false, absolute);
  });

  it('is false where no date is found', () => {
    const text = 'Officials said nothing.';
    assert.equal(dependsOnReference(text, ...at(text, 'nothing')), false);
  });
});
