import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { ServerCommands, type ResolveDisagreementArguments } from '../api/protocol';
import type { RelationType } from '../core/project/relationTypes';
import { findRelationDisagreements, type RelationDisagreement } from '../core/review/relationDisagreements';
import type { Relation } from '../core/sidecar';
import type { Article, PlacedRelation } from './article';
import { describePlaced } from './relationActions';

/** A disagreement on relations where it is shown: on the first relation's source tag (UTF-16). */
interface PlacedRelationDisagreement {
  disagreement: RelationDisagreement;
  start: number;
  end: number;
  first: PlacedRelation;
  second?: PlacedRelation;
}

/**
 * Two annotators' relations that disagree (same ends, other type; one has it, the other not), for a
 * reviewer who sees everyone's work: a Warning each, with "Keep …" quick fixes as for tags.
 */
function placedDisagreements(article: Article): PlacedRelationDisagreement[] {
  const model = article.current();
  if (model.relations.length === 0) return [];
  const live = model.placed.filter((placed) => !placed.orphaned);
  const found = findRelationDisagreements(live.map((placed) => placed.tag), model.relations.filter((placed) => !placed.orphaned).map((placed) => placed.relation));
  const placedOf = (relation: Relation) => model.relations.find((placed) => placed.relation.id === relation.id)!;
  return found.map((disagreement) => {
    const first = placedOf(disagreement.first);
    return { disagreement, start: first.from!.start, end: first.from!.end, first, second: disagreement.second && placedOf(disagreement.second) };
  });
}

function claim(placed: PlacedRelation, types: readonly RelationType[]): string {
  return `${placed.relation.annotator}'s ${describePlaced(placed, types)}`;
}

export function relationDisagreementDiagnostics(article: Article, types: readonly RelationType[]): Diagnostic[] {
  const document = article.document;
  return placedDisagreements(article).map(({ disagreement, start, end, first, second }) => {
    const message =
      disagreement.kind === 'type'
        ? `Annotators disagree on the relation: ${claim(first, types)} and ${claim(second!, types)}. Ctrl+. to keep one.`
        : `Annotators disagree on a relation: ${claim(first, types)}, and ${disagreement.without} tagged both ends without linking them. Ctrl+. to keep or reject it.`;
    return { range: { start: document.positionAt(start), end: document.positionAt(end) }, severity: DiagnosticSeverity.Warning, source: 'marginalia', code: 'relation-disagreement', message };
  });
}

/** "Keep ann's … , reject bob's …" both ways; for a relation only one made, keep (approve) or reject it. */
export function relationDisagreementActions(article: Article, types: readonly RelationType[], touches: (span: { start: number; end: number }) => boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  const resolve = (title: string, approve: string[], reject: string[]) => {
    const args: ResolveDisagreementArguments = { uri: article.uri, approve, reject };
    actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: ServerCommands.resolveRelationDisagreement, arguments: [args] } });
  };
  for (const { disagreement, start, end, first, second } of placedDisagreements(article)) {
    if (!touches({ start, end })) continue;
    if (second) {
      resolve(`Keep ${claim(first, types)}, reject ${claim(second, types)}`, [first.relation.id], [second.relation.id]);
      resolve(`Keep ${claim(second, types)}, reject ${claim(first, types)}`, [second.relation.id], [first.relation.id]);
    } else {
      resolve(`Keep ${claim(first, types)} (${disagreement.without} did not link them)`, [first.relation.id], []);
      const title = `Reject ${claim(first, types)}`;
      actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: ServerCommands.rejectRelation, arguments: [{ uri: article.uri, relationId: first.relation.id }] } });
    }
  }
  return actions;
}
