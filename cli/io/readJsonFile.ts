import { readFileSync } from 'node:fs';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isConnectorError, parseDocumentJson } from '#core';
import { CliError } from '../errors/CliError.js';

/**
 * Reads and parses a JSON file, turning every failure into one plain paragraph:
 * a missing file says so, a syntax error gives the line and column, a file nested too deep or
 * too large (core's parseDocumentJson, checked before anything walks it) says which limit.
 */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  const text = await readTextFile(path, what);
  try {
    return parseDocumentJson(text);
  } catch (error) {
    if (isConnectorError(error)) throw new CliError(`${path} cannot be read as a ${what} file: ${error.message} ${error.hint ?? ''}`.trim());
    const { line, column, problem } = describeJsonError(text, error instanceof Error ? error.message : String(error));
    throw new CliError(
      `${path} is not valid JSON (line ${line}, column ${column}): ${problem}. ` +
        `Fix the ${what} file (an editor with JSON highlighting shows the spot) and try again.`,
    );
  }
}

/**
 * Where and what the first syntax error is. Node 20's JSON.parse does not always give a
 * position, so the text is re-scanned with VS Code's JSON scanner (jsonc-parser), strict
 * mode: no comments, no trailing commas.
 */
export function describeJsonError(text: string, fallbackMessage: string): { line: number; column: number; problem: string } {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) return { ...positionToLineColumn(text, first.offset), problem: describeParseErrorCode(printParseErrorCode(first.error)) };
  return { ...positionToLineColumn(text, 0), problem: fallbackMessage };
}

/** `PropertyNameExpected` → `property name expected`. */
function describeParseErrorCode(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^invalid symbol$/, 'unexpected character');
}

/**
 * Read synchronously: the command waits for the file anyway, and node:fs/promises (with the
 * readline and watcher modules it loads) would add ~1-3 ms to every start (bench/README.md).
 */
export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`Cannot find the ${what} file ${path}. Check the path (it is relative to ${process.cwd()}).`);
    if (code === 'EISDIR') throw new CliError(`${path} is a directory, not a ${what} file. Pass the path of a .json file.`);
    if (code === 'EACCES') throw new CliError(`Cannot read the ${what} file ${path}: permission denied.`);
    throw new CliError(`Cannot read the ${what} file ${path}: ${(error as Error).message}.`);
  }
}

function positionToLineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}
