import type { ProjectLookup } from '../project/articleSelector';
import { DEFAULT_LABEL_SET, resolveLabelSet } from '../project/labelSet';
import type { LabelSettings } from '../project/projectFile';

/** For a label no label set defines (disabled since it was used, or a custom label without a kind). */
const UNKNOWN_LABEL_COLOR = '#9e9e9e';

/**
 * Each label's colour in a report on these articles: as the label set of the project the first
 * article using it belongs to (its marginalia.json, then `settingsLabels`) colours it.
 */
export function labelColorsFor(articlePaths: readonly string[], projectOf: (path: string) => ProjectLookup, settingsLabels?: Record<string, LabelSettings>): (label: string) => string {
  const colors = new Map<string, string>();
  const seenProjects = new Set<string | undefined>();
  for (const path of articlePaths) {
    const project = projectOf(path).project;
    if (seenProjects.has(project?.folder)) continue;
    seenProjects.add(project?.folder);
    for (const label of resolveLabelSet(project?.file.labels, settingsLabels).labels) if (!colors.has(label.name)) colors.set(label.name, label.color);
  }
  return (label) => colors.get(label) ?? DEFAULT_LABEL_SET.find((definition) => definition.name === label)?.color ?? UNKNOWN_LABEL_COLOR;
}
