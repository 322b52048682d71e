import { LABELS_BY_KIND, isLabel, kindOf, type Kind } from '../base/labels';
import type { LabelSettings } from './projectFile';

export interface LabelDefinition {
  name: string;
  kind: Kind;
  color: string;
  guideline?: string;
}

/** Colours readable as underlines and backgrounds on light and dark themes alike. */
const DEFAULT_COLORS: Record<string, string> = {
  PERSON: '#e0568a',
  NORP: '#b07cd8',
  FAC: '#8d6e63',
  ORG: '#4f8fe6',
  GPE: '#2fa37a',
  LOC: '#5fae3e',
  PRODUCT: '#e07b39',
  EVENT: '#d4a017',
  WORK_OF_ART: '#a1887f',
  LAW: '#7986cb',
  LANGUAGE: '#4db6ac',
  CARDINAL: '#2aa1b3',
  ORDINAL: '#26a69a',
  MONEY: '#43a047',
  PERCENT: '#00897b',
  QUANTITY: '#5c9ead',
  DATE: '#c0892b',
  TIME: '#d18f52',
  DURATION: '#b8860b',
};
const FALLBACK_COLOR = '#9e9e9e';

/**
 * The labels an annotator can use: OntoNotes', adjusted by the project file, then by the user's
 * settings (a later source wins field by field). A custom label needs a kind; one without is skipped
 * and reported.
 */
export function resolveLabelSet(...sources: ReadonlyArray<Record<string, LabelSettings> | undefined>): { labels: LabelDefinition[]; problems: string[] } {
  const merged = new Map<string, LabelSettings>();
  for (const name of Object.values(LABELS_BY_KIND).flat()) merged.set(name, {});
  for (const source of sources) {
    for (const [name, settings] of Object.entries(source ?? {})) merged.set(name, { ...merged.get(name), ...settings });
  }
  const labels: LabelDefinition[] = [];
  const problems: string[] = [];
  for (const [name, settings] of merged) {
    if (settings.enabled === false) continue;
    const kind = settings.kind ?? (isLabel(name) ? kindOf(name) : undefined);
    if (kind === undefined) {
      problems.push(`label ${name} needs a "kind" (entity, number or date)`);
      continue;
    }
    labels.push({
      name,
      kind,
      color: settings.color ?? DEFAULT_COLORS[name] ?? FALLBACK_COLOR,
      ...(settings.guideline ? { guideline: settings.guideline } : {}),
    });
  }
  return { labels, problems };
}

export const DEFAULT_LABEL_SET: readonly LabelDefinition[] = resolveLabelSet().labels;

/** The labels of one kind, OntoNotes' first in their usual order, then the project's own. */
export function labelsOfKind(labels: readonly LabelDefinition[], kind: Kind): LabelDefinition[] {
  return labels.filter((label) => label.kind === kind);
}
