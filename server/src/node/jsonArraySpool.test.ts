import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JsonArraySpool } from './jsonArraySpool';

describe('a JSON array spooled to a file', () => {
  for (const count of [0, 1, 3]) {
    it(`prints exactly what JSON.stringify prints, with ${count} element${count === 1 ? '' : 's'} two levels deep`, () => {
      const elements = Array.from({ length: count }, (_, index) => ({ name: `zoë/${index}.txt`, figures: { kappa: index / 3, labels: ['PERSON', 'GPE'], nested: [] } }));
      const document = { annotators: ['ann', 'bob'], agreement: { corpus: { tokens: 12 }, documents: elements, skipped: [] }, unreadable: [] };
      const spool = new JsonArraySpool(2);
      for (const element of elements) spool.add(element);
      let printed = '';
      spool.print(JSON.stringify({ ...document, agreement: { ...document.agreement, documents: spool.placeholder } }, null, 2), (chunk) => (printed += chunk));
      assert.equal(printed, JSON.stringify(document, null, 2));
    });
  }
});
