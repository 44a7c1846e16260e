/** Validates one call's raw parameters against the contract; a clear INVALID_PAYLOAD otherwise. */
import { HostError, hostCalls, isHostCallName, type HostCallName, type HostCallParsedParams } from '../../contract/hostApi.js';

export function parseCallParams<N extends HostCallName>(name: N, raw: unknown): HostCallParsedParams<N> {
  if (!isHostCallName(name)) throw new HostError('UNKNOWN_CALL', `There is no host call named "${String(name)}".`);
  const result = hostCalls[name].params.safeParse(raw === null ? undefined : raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new HostError('INVALID_PAYLOAD', `Invalid parameters for ${name}${where}: ${issue?.message ?? 'unknown problem'}.`, {
      path: issue?.path.join('.'),
      hint: 'This is a bug in the caller; the host did nothing.',
    });
  }
  return result.data as HostCallParsedParams<N>;
}
