/**
 * A name no existing connector uses: `HubSpot Contact Sync`, then `HubSpot Contact Sync (2)`,
 * `(3)`, … Names compare case-insensitively and without surrounding spaces, as a user reads them.
 */
export function distinctName(base: string, existingNames: Iterable<string>): string {
  const taken = new Set([...existingNames].map((name) => name.trim().toLowerCase()));
  const root = base.trim().replace(/\s+\(\d+\)$/, '');
  if (!taken.has(base.trim().toLowerCase())) return base.trim();
  for (let n = 2; ; n++) {
    const candidate = `${root} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
