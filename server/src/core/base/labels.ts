/** The OntoNotes label set, grouped by the kind of highlight an annotator sees. */

export const ENTITY_LABELS = ['PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW', 'LANGUAGE'] as const;
export const NUMBER_LABELS = ['CARDINAL', 'ORDINAL', 'MONEY', 'PERCENT', 'QUANTITY'] as const;
export const DATE_LABELS = ['DATE', 'TIME', 'DURATION'] as const;

export type EntityLabel = (typeof ENTITY_LABELS)[number];
export type NumberLabel = (typeof NUMBER_LABELS)[number];
export type DateLabel = (typeof DATE_LABELS)[number];
export type Label = EntityLabel | NumberLabel | DateLabel;

export const KINDS = ['entity', 'number', 'date'] as const;
export type Kind = (typeof KINDS)[number];

export const LABELS_BY_KIND: Readonly<Record<Kind, readonly Label[]>> = {
  entity: ENTITY_LABELS,
  number: NUMBER_LABELS,
  date: DATE_LABELS,
};

const KIND_OF_LABEL = new Map<string, Kind>(
  KINDS.flatMap((kind) => LABELS_BY_KIND[kind].map((label) => [label, kind] as const)),
);

export function isLabel(name: string): name is Label {
  return KIND_OF_LABEL.has(name);
}

export function kindOf(label: Label): Kind {
  return KIND_OF_LABEL.get(label)!;
}
