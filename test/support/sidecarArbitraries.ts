/** fast-check generators of valid sidecars, for the property tests of the sidecar format. */
import fc from 'fast-check';
import { KINDS } from '../../server/src/core/base/labels';
import { CONTEXT_LENGTH, DELETED, SETTLED_STATUSES, SIDECAR_VERSION, TAG_SOURCES, type Sidecar, type Tag, type TagValue, type TagVersion } from '../../server/src/core/sidecar/schema';

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const number = fc.double({ noNaN: true, noDefaultInfinity: true });
// Any code points, plus the characters JSON and line-based diffs care most about.
const anyText = (minLength: number, maxLength: number) =>
  fc
    .array(fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('"', '\\', '\n', '\r', '\u2028', '😀', '\ud800')), {
      minLength,
      maxLength,
    })
    .map((characters) => characters.join(''));
const timestamp = fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString());

const valueArbitrary: fc.Arbitrary<TagValue> = fc.oneof(
  fc.record({ type: fc.constant('date' as const), iso: fc.constant('2023-11-04'), endIso: optional(fc.constant('2023-11-05')), mod: optional(fc.constantFrom('START' as const, 'END' as const)) }),
  fc.record({ type: fc.constant('time' as const), iso: fc.constant('T18:04'), mod: optional(fc.constant('APPROX' as const)) }),
  fc.record({ type: fc.constant('set' as const), iso: fc.constantFrom('P1W', 'XXXX-WXX-1'), quant: optional(fc.constant('EVERY')), freq: optional(fc.constant('2X')) }),
  fc.record({ type: fc.constant('duration' as const), iso: fc.constant('P3Y'), maxIso: optional(fc.constant('P5Y')), approximate: optional(fc.boolean()) }),
  fc.record({ type: fc.constant('number' as const), value: number, min: optional(number), max: optional(number), approximate: optional(fc.boolean()) }),
  fc.record({ type: fc.constant('ordinal' as const), value: number }),
  fc.record({ type: fc.constant('money' as const), amount: number, currency: fc.constantFrom('USD', 'UAH'), approximate: optional(fc.boolean()) }),
  fc.record({ type: fc.constant('percent' as const), value: number, max: optional(number) }),
  fc.record({ type: fc.constant('quantity' as const), value: number, unit: fc.constantFrom('km', 'MW') }),
);

export const tagVersionArbitrary: fc.Arbitrary<TagVersion> = fc
  .record({
    start: fc.nat({ max: 100_000 }),
    text: anyText(1, 40),
    label: fc.stringMatching(/^[A-Z0-9_]{1,12}$/),
    kind: fc.constantFrom(...KINDS),
    status: fc.constantFrom(...SETTLED_STATUSES),
    source: fc.constantFrom(...TAG_SOURCES),
    annotator: anyText(1, 10),
    created: timestamp,
    modified: timestamp,
    value: optional(valueArbitrary),
    context: fc.record({ prefix: anyText(0, CONTEXT_LENGTH), suffix: anyText(0, CONTEXT_LENGTH) }),
  })
  .map((fields) => ({ ...fields, end: fields.start + [...fields.text].length }));

const sideArbitrary: fc.Arbitrary<TagVersion | typeof DELETED> = fc.oneof({ weight: 4, arbitrary: tagVersionArbitrary }, { weight: 1, arbitrary: fc.constant(DELETED) });

/** A tag with the id `t-0`: mostly settled, some in conflict state with ours (or theirs, if ours deleted it) on top, as the merge writes them. */
export const tagArbitrary: fc.Arbitrary<Tag> = fc.oneof(
  { weight: 3, arbitrary: tagVersionArbitrary.map((version) => ({ id: 't-0', ...version })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ base: optional(tagVersionArbitrary), ours: sideArbitrary, theirs: tagVersionArbitrary })
      .map(({ base, ours, theirs }): Tag => ({ id: 't-0', ...(ours === DELETED ? theirs : ours), status: 'conflict', conflict: { base, ours, theirs } })),
  },
);

/** A valid sidecar of up to eight tags with ids t-0, t-1, … */
export const sidecarArbitrary: fc.Arbitrary<Sidecar> = fc
  .record({ article: fc.stringMatching(/^[^/\\]+$/), annotations: fc.array(tagArbitrary, { maxLength: 8 }) })
  .map(({ article, annotations }) => ({
    version: SIDECAR_VERSION,
    article,
    annotations: annotations.map((tag, index) => ({ ...tag, id: `t-${index}` })),
  }));
