/**
 * Why a local connector is held back from the team: a literal credential-looking value in a
 * header, query parameter or URL (core's findLiteralSecrets). Null when it may be pushed, or
 * when it is not a connector at all (other checks speak for those).
 */
import { findLiteralSecrets, validateConnector, type LiteralSecret } from '#core';

export function literalSecretsOf(document: Record<string, unknown>): LiteralSecret[] {
  const connector = validateConnector(document).connector;
  return connector ? findLiteralSecrets(connector) : [];
}

export function literalSecretHold(document: Record<string, unknown>): string | null {
  const [first, ...others] = literalSecretsOf(document);
  if (!first) return null;
  return `${first.where} holds a literal secret${others.length > 0 ? ` (and ${others.length} more place${others.length === 1 ? '' : 's'})` : ''}`;
}
