import { SIDECAR_VERSION, type Sidecar, type Tag } from '../../server/src/core/sidecar/schema';

/** A valid tag for tests; `overrides` change what the test is about. */
export function exampleTag(overrides: Partial<Tag> = {}): Tag {
  return {
    id: 't-000000000001',
    start: 0,
    end: 4,
    text: 'Kyiv',
    label: 'GPE',
    kind: 'entity',
    status: 'accepted',
    source: 'manual',
    annotator: 'olena',
    created: '2024-05-01T12:00:00.000Z',
    modified: '2024-05-01T12:00:00.000Z',
    context: { prefix: '', suffix: ' said on Monday' },
    ...overrides,
  };
}

export function exampleSidecar(annotations: Tag[] = [exampleTag()]): Sidecar {
  return { version: SIDECAR_VERSION, article: '000_kyiv.txt', annotations };
}
