/** Any thrown value → one sentence for the user (message plus the hint, when there is one). */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const { message, hint } = error as { message: unknown; hint?: unknown };
    return withHint(String(message), typeof hint === 'string' ? hint : undefined);
  }
  return String(error);
}

/**
 * A message and its hint as sentences: a message that does not end a sentence gets its full
 * stop first ('Unclosed "{{" at column 1. Close the reference…', not '…column 1 Close…').
 */
export function withHint(message: string, hint: string | undefined): string {
  if (!hint) return message;
  return `${/[.!?:…]["'”)]*$/.test(message.trimEnd()) ? message.trimEnd() : `${message.trimEnd()}.`} ${hint}`;
}
