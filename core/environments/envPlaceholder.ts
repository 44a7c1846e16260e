/** `{{env.x}}` as text: what cassettes match on and what offline test runs use when no environment is given. */
export function envPlaceholder(name: string): string {
  return `{{env.${name}}}`;
}
