import type { RelationTypeSettings } from './projectFile';

/** A relation type as annotators use it: which labels may stand at each end ("*": any). */
export interface RelationType {
  name: string;
  from: readonly string[];
  to: readonly string[];
  /** No direction: linking A to B is linking B to A. */
  symmetric: boolean;
  color: string;
  guideline?: string;
}

/**
 * The built-in set for news, used by a corpus whose marginalia.json declares no "relations" (the
 * seeds' project file spells it out, to be edited). Who makes what, how many, by when, where, with whom.
 */
export const DEFAULT_RELATION_SETTINGS: Readonly<Record<string, RelationTypeSettings>> = {
  PRODUCES: { from: ['GPE', 'ORG'], to: ['PRODUCT'], color: '#e07b39', guideline: 'A country or company makes, builds or supplies the product: "Ukraine" → "interceptor drones".' },
  QUANTITY_OF: { from: ['CARDINAL', 'QUANTITY', 'MONEY'], to: ['PRODUCT', 'ORG'], color: '#2aa1b3', guideline: 'How many or how much of the thing: "almost 800" → "interceptor drones".' },
  TIME_OF: { from: ['DATE', 'DURATION', 'TIME'], to: ['*'], color: '#c0892b', guideline: 'When or how long the thing happens or holds: "by the end of this year" → "interceptor drones".' },
  RECEIVES: { from: ['GPE', 'ORG', 'PERSON'], to: ['MONEY', 'PRODUCT'], color: '#43a047', guideline: 'Who gets the money or goods: "Poland" → "nearly $50 billion".' },
  PART_OF: { from: ['PERSON', 'ORG', 'GPE', 'FAC'], to: ['ORG', 'GPE', 'LAW', 'EVENT'], color: '#4f8fe6', guideline: 'A member, a part, or money under a programme: "Poland" → "NATO".' },
  LOCATED_IN: { from: ['FAC', 'ORG', 'EVENT', 'PERSON', 'GPE'], to: ['GPE', 'LOC'], color: '#2fa37a', guideline: 'Where it is or takes place: "Zaporizhzhia Nuclear Power Plant" → "Ukraine".' },
  ALLY_OF: { from: ['GPE', 'ORG', 'PERSON'], to: ['GPE', 'ORG', 'PERSON'], symmetric: true, color: '#b07cd8', guideline: 'Two sides that work together; no direction.' },
};

const FALLBACK_COLOR = '#9e9e9e';

/** The project's relation types: its own when it declares any "relations" (even none), else the built-in set. */
export function resolveRelationTypes(declared: Readonly<Record<string, RelationTypeSettings>> | undefined): RelationType[] {
  return Object.entries(declared ?? DEFAULT_RELATION_SETTINGS).map(([name, settings]) => ({
    name,
    from: settings.from,
    to: settings.to,
    symmetric: settings.symmetric === true,
    color: settings.color ?? FALLBACK_COLOR,
    ...(settings.guideline ? { guideline: settings.guideline } : {}),
  }));
}

/** Whether the type lets a tag labelled `fromLabel` point at one labelled `toLabel` (either way round for a symmetric type). */
export function allowsLabels(type: RelationType, fromLabel: string, toLabel: string): boolean {
  const fits = (labels: readonly string[], label: string) => labels.includes('*') || labels.includes(label);
  return (fits(type.from, fromLabel) && fits(type.to, toLabel)) || (type.symmetric && fits(type.from, toLabel) && fits(type.to, fromLabel));
}

/** Why the type does not allow those labels, for people; undefined when it does. */
export function labelProblem(type: RelationType, fromLabel: string, toLabel: string): string | undefined {
  if (allowsLabels(type, fromLabel, toLabel)) return undefined;
  return `${type.name} links ${type.from.join('/')} to ${type.to.join('/')}, not ${fromLabel} to ${toLabel}`;
}
