import { CodePointIndex } from '../base/offsets';
import { isObject, type ModelSpan } from './protocol';

/**
 * Label Studio's ML-backend protocol, so that an existing backend works as it is: Marginalia POSTs
 * to `<url>/predict` the article as one task, `{"tasks": [{"id", "data": {"text"}}], "label_config",
 * "project"}`, and reads `{"results": [{"result": [{"from_name", "to_name", "type": "labels", "value":
 * {"start", "end", "text", "labels": [...]}, "score"?}], "score"?}]}` (one prediction per task).
 */

/** The label config sent with the task: a Labels control over a Text object, as backends expect one. */
export function labelConfigFor(labels: readonly string[]): string {
  const items = labels.map((label) => `<Label value="${escapeXml(label)}"/>`).join('');
  return `<View><Labels name="label" toName="text">${items}</Labels><Text name="text" value="$text"/></View>`;
}

export function labelStudioRequest(text: string, taskId: number, labels: readonly string[]): object {
  return { tasks: [{ id: taskId, data: { text } }], label_config: labelConfigFor(labels), project: 'marginalia', params: { context: null } };
}

/**
 * The spans of a /predict answer, in code points. Label Studio counts offsets as the browser does, in
 * UTF-16 units, so they are converted; a backend in Python counts code points instead, which shows
 * when its region's `text` is found at the code point offsets and not at the UTF-16 ones, and is
 * then taken as it is. Regions that are not labels (a choice, a rating) are left aside.
 */
export function parseLabelStudioResponse(json: unknown, text: string): { spans: ModelSpan[] } | { problem: string } {
  const predictions = Array.isArray(json) ? json : isObject(json) ? json.results : undefined;
  if (!Array.isArray(predictions)) return { problem: 'answered without a "results" list' };
  const prediction = predictions[0];
  if (prediction === undefined) return { spans: [] };
  if (!isObject(prediction) || !Array.isArray(prediction.result)) return { problem: 'answered results[0] without a "result" list' };
  const predictionScore = typeof prediction.score === 'number' && Number.isFinite(prediction.score) ? prediction.score : undefined;
  const index = new CodePointIndex(text);
  const codePoints = index.length === text.length ? undefined : [...text];
  const spans: ModelSpan[] = [];
  for (const [i, region] of prediction.result.entries()) {
    if (!isObject(region) || !isObject(region.value)) return { problem: `answered results[0].result[${i}] without a "value"` };
    const value = region.value;
    if (!Array.isArray(value.labels)) continue;
    const { start, end } = value;
    const label = value.labels[0];
    if (!isOffset(start) || !isOffset(end) || typeof label !== 'string' || label === '') return { problem: `answered results[0].result[${i}] without integer "start" and "end" and a label` };
    if (end > text.length || start >= end) return { problem: `answered a span ${start}–${end} outside the text (${text.length} UTF-16 units)` };
    const score = typeof region.score === 'number' && Number.isFinite(region.score) ? region.score : predictionScore;
    const countsCodePoints = codePoints !== undefined && typeof value.text === 'string' && text.slice(start, end) !== value.text && codePoints.slice(start, end).join('') === value.text;
    const span = countsCodePoints ? { start, end } : { start: index.toCodePoint(start), end: index.toCodePoint(end) };
    spans.push({ ...span, label, ...(score !== undefined && { score }) });
  }
  return { spans };
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
