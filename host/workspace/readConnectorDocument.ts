/**
 * Turns a connector file's text into a document plus its validation issues, or an error
 * that says what is wrong and what to do. Migrations, structure and whole-document rules
 * come from core's validateConnector, so the app, the CLI and the server read files alike.
 * A document with rule errors (a cycle, an unknown reference) still opens: the editor
 * shows the issues. Only files whose shape cannot be parsed are listed as invalid.
 */
import { isConnectorError, parseDocumentJson, type Connector, validateConnector } from '#core';
import type { ValidationIssue } from '../../contract/hostApi.js';

export type ReadConnectorResult =
  | { ok: true; connector: Connector; issues: ValidationIssue[] }
  | { ok: false; error: { message: string; hint?: string; issues: ValidationIssue[] } };

export function readConnectorDocument(text: string): ReadConnectorResult {
  let raw: unknown;
  try {
    raw = parseDocumentJson(text);
  } catch (error) {
    if (isConnectorError(error)) return { ok: false, error: { message: error.message, hint: error.hint, issues: [] } };
    return { ok: false, error: { message: `Not valid JSON: ${(error as Error).message}`, hint: 'Fix the syntax in a text editor (or restore it with git), and the app will pick it up.', issues: [] } };
  }
  const result = validateConnector(raw);
  if (result.connector) return { ok: true, connector: result.connector, issues: result.issues };
  const first = result.issues.find((i) => i.severity === 'error') ?? result.issues[0];
  return {
    ok: false,
    error: {
      message: `Not a valid connector: ${first?.message ?? 'unknown problem'}`,
      hint: first?.hint ?? 'Fix the field named above in a text editor, or restore the file with git.',
      issues: result.issues,
    },
  };
}
