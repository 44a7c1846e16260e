/** Names of recorded cassettes: the default one given to a recording, and what a typed name may be. */
import { CassetteNameSchema } from '../../contract/hostApi.js';

/** `rec-20250131-142501`: unique per second, valid as a cassette name, sorts by time. */
export function timestampedCassetteName(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `rec-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** Why a typed cassette name can't be used, or null (empty means "a timestamp"). */
export function cassetteNameProblem(name: string): string | null {
  const trimmed = name.trim();
  return trimmed !== '' && !CassetteNameSchema.safeParse(trimmed).success ? 'A cassette name uses letters, digits, _ and - only (at most 64).' : null;
}
