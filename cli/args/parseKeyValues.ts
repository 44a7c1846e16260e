import { usageError } from '../errors/CliError.js';

/**
 * Turns repeated `--input key=value` flags into a record. The value is everything after
 * the first `=` (so `url=https://x?a=b` works); a later flag for the same key wins.
 */
export function parseKeyValues(pairs: readonly string[], flag: string, command: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw usageError(`--${flag} expects key=value, got "${flag === 'credential' ? maskValue(pair) : pair}".`, command);
    }
    result[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return result;
}

/** A malformed credential flag may still be a secret: show its shape, not its content. */
function maskValue(text: string): string {
  return text.length === 0 ? '' : `${'*'.repeat(Math.min(text.length, 8))}`;
}
