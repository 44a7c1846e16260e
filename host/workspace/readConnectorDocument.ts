/**
 * Turns a connector file's text into a document plus its validation issues, or an error
 * that says what is wrong and what to do. Structural checks and migrations come from
 * core/ so the app, the CLI and the server read files the same way.
 */
import { ConnectorSchema, type Connector } from '../../core/schema/connector.js';
import type { ValidationIssue } from '../../contract/hostApi.js';

export type ReadConnectorResult =
  | { ok: true; connector: Connector; issues: ValidationIssue[] }
  | { ok: false; error: { message: string; hint?: string; issues: ValidationIssue[] } };

export function readConnectorDocument(text: string): ReadConnectorResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { message: `Not valid JSON: ${(error as Error).message}`, hint: 'Fix the syntax in a text editor (or restore it with git), and the app will pick it up.', issues: [] } };
  }
  const parsed = ConnectorSchema.safeParse(raw);
  if (!parsed.success) {
    const issues: ValidationIssue[] = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, severity: 'error' }));
    return { ok: false, error: { message: `Not a valid connector: ${issues[0]?.path ? `${issues[0].path}: ` : ''}${issues[0]?.message ?? 'unknown problem'}`, hint: 'Fix the field named above in a text editor, or restore the file with git.', issues } };
  }
  return { ok: true, connector: parsed.data, issues: [] };
}
