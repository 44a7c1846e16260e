/** Any thrown value → one sentence for the user (message plus the hint, when there is one). */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const { message, hint } = error as { message: unknown; hint?: unknown };
    return typeof hint === 'string' && hint ? `${String(message)} ${hint}` : String(message);
  }
  return String(error);
}
