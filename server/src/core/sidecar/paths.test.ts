import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isSidecarPath, sidecarPathFor } from './paths';

describe('sidecar paths', () => {
  it('put the sidecar beside its article', () => {
    assert.equal(sidecarPathFor('seeds/000_x.txt'), 'seeds/000_x.annotations.json');
    assert.equal(sidecarPathFor('/home/olena/news/a.b.TXT'), '/home/olena/news/a.b.annotations.json');
    assert.equal(sidecarPathFor('C:\\news\\kyiv.txt'), 'C:\\news\\kyiv.annotations.json');
  });

  it('recognise sidecars but not their temp files or the articles', () => {
    assert.equal(isSidecarPath('seeds/000_x.annotations.json'), true);
    assert.equal(isSidecarPath('seeds/.000_x.annotations.json.1a2b3c4d.tmp'), false);
    assert.equal(isSidecarPath('seeds/000_x.txt'), false);
    assert.equal(isSidecarPath('seeds/.annotations.json'), false);
  });

  it('refuse to make a sidecar for a sidecar', () => {
    assert.throws(() => sidecarPathFor('seeds/000_x.annotations.json'), /is a sidecar/);
  });
});
