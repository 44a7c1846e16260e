/**
 * Whether a document pulled from the server is a connector this app can open, and if not,
 * what is wrong in a line a person can act on. A teammate's app (or an old server) may send
 * anything; writing it into the folder would make it an unreadable file that pauses sync.
 */
import { assertDocumentBounds, toConnectorError, validateConnector } from '#core';

/** `steps[0].id` → `step 1 id`: the words the editor uses, not a JSON path. */
function readablePath(path: string): string {
  return path
    .replace(/^steps\[(\d+)\]/, (_, index: string) => `step ${Number(index) + 1}`)
    .replace(/^edges\[(\d+)\]/, (_, index: string) => `connection ${Number(index) + 1}`)
    .replace(/\[(\d+)\]/g, (_, index: string) => ` ${Number(index) + 1}`)
    .replace(/\./g, ' ');
}

/** Null when the document opens (rule problems such as a cycle still open in the editor, as files do). */
export function documentProblem(document: Record<string, unknown>): string | null {
  // Depth and size first, before anything walks the document (core's document guard).
  try {
    assertDocumentBounds(document);
  } catch (error) {
    return toConnectorError(error).message;
  }
  const result = validateConnector(document);
  if (result.connector) return null;
  const first = result.issues.find((issue) => issue.severity === 'error') ?? result.issues[0];
  if (!first) return 'it is not a valid connector';
  return first.path ? `${readablePath(first.path)}: ${first.message}` : first.message;
}
