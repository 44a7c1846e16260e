import { isConnectorError } from '../errors/ConnectorError.js';
import { assertDocumentBounds } from '../schema/documentBounds.js';
import { issueAt } from '../validation/issue.js';
import { isUnder, mentionsStandIn, salvage } from '../validation/salvage.js';
import { structuralIssues } from '../validation/structuralIssues.js';
import { validateConnector, type ValidationResult } from '../validation/validateConnector.js';
import { interchangeDraft, isInterchangeDocument } from './importInterchange.js';
import { toInterchangePath } from './issuePaths.js';
import { InterchangeSchema } from './schema.js';

/**
 * Validates a document in either format and lists every problem in one pass, each with its path
 * in that file: `steps[2].url` in the app's format, `config.steps[1].steps[0].url` in the
 * interchange format (whose steps are imported first, then checked by the same rules). A shape
 * problem does not hide the others: the rules also run on a salvaged copy (validation/salvage.ts).
 * `connector` is set only when the document's shape is valid. Never throws for bad input.
 */
export function validateDocument(raw: unknown): ValidationResult {
  if (!isInterchangeDocument(raw)) return validateConnector(raw);
  try {
    assertDocumentBounds(raw); // before any recursive work (zod, the salvage copy)
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    return { ok: false, issues: [issueAt(raw, '', error.message.replace(/\.$/, ''), { hint: error.hint, standalone: true })] };
  }
  const parsed = InterchangeSchema.safeParse(raw);
  const shape = parsed.success ? [] : structuralIssues(parsed.error, raw);
  const salvaged = parsed.success ? { value: parsed.data, repaired: [] } : salvage(InterchangeSchema, raw);
  if (!salvaged) return { ok: false, issues: shape };
  const draft = interchangeDraft(salvaged.value);
  const result = validateConnector(draft);
  const rules = result.issues
    // Edges are not written in this format (they follow from the order of config.steps): a
    // problem with one is a problem of its steps, which is reported on the steps themselves.
    .filter((issue) => !/^edges\[/.test(issue.path) && !mentionsStandIn(issue.message))
    .map((issue) => ({ ...issue, path: toInterchangePath(raw, draft, issue.path) }))
    .filter((issue) => !isUnder(issue.path, salvaged.repaired));
  if (shape.length > 0) return { ok: false, issues: [...shape, ...rules] };
  return { ok: result.ok, ...(result.connector ? { connector: result.connector } : {}), issues: rules };
}
