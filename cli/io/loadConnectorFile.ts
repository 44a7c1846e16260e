import { validateDocument, type Connector, type ValidationIssue } from '#core';
import { CliError } from '../errors/CliError.js';
import { countProblems, formatProblems } from '../output/formatProblems.js';
import { readJsonFile } from './readJsonFile.js';

/**
 * Reads a connector file in either format (the app's own or the interchange format) and returns
 * it validated by every rule. An invalid file becomes a CliError (exit 2) that lists the same
 * problems as `validate`, so nothing is run from it.
 */
export async function loadConnectorFile(path: string): Promise<Connector> {
  const raw = await readJsonFile(path, 'connector');
  const { ok, connector, issues } = validateDocument(raw);
  if (ok && connector) return connector;
  throw new CliError(invalidFileReport(path, issues));
}

/** "✗ file is not a valid connector (2 errors):" and the problems, as validate prints them. */
export function invalidFileReport(path: string, issues: readonly ValidationIssue[]): string {
  return [`✗ ${path} is not a valid connector (${countProblems(issues)}):`, ...formatProblems(issues)].join('\n');
}
