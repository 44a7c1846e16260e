/** What the UI may show of a secret: bullets, plus the last 2 characters of long values only. */
export function credentialMask(value: string): string {
  const bullets = '••••••••';
  return value.length >= 16 ? `${bullets}${value.slice(-2)}` : bullets;
}
