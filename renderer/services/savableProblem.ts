/** Why a document cannot be written as a connector file, in words; null when it can. */
import { ConnectorSchema, type Connector } from '#core';

export function savableProblem(doc: Connector): string | null {
  const parsed = ConnectorSchema.safeParse(doc);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : 'the document is invalid';
}
