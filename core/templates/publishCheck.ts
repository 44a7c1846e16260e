/**
 * The gate in front of publishing a connector as a template. It refuses literal secrets,
 * turns credential references into slots, strips what belongs to one user's runs, keeps
 * only cassettes that are redacted, and returns exactly what would be published, so the
 * user can review it before confirming.
 */
import type { Connector, CredentialSlot } from '../schema/connector.js';
import { connectorSchemaFor } from '../schema/connector.js';
import type { StepKindRegistry } from '../steps/registry.js';
import type { Cassette } from '../transport/cassette.js';
import { isCassette } from '../transport/cassette.js';
import { createRedactor } from '../redaction/createRedactor.js';
import type { PublishFinding } from './findings.js';
import { scanConnectorForSecrets, scanForStoredValues, strings } from './scanSecrets.js';
import { credentialSlotsFor } from './credentialSlots.js';
import { matchKnownTokenFormat } from './secretPatterns.js';

export interface PublishCheckOptions {
  /** Cassettes by the name tests refer to them with (`cassettes/found.json`). */
  cassettes?: Record<string, unknown>;
  /** Credential values known on this machine: the connector must not hold any, and a cassette holding one is left out. */
  knownSecrets?: Record<string, string>;
  /** The step kinds the document may use (default: the app's); tests add their own. */
  stepKinds?: StepKindRegistry;
}

export interface PublishableTemplate {
  name: string;
  description: string;
  icon: string;
  category: string;
  credentials: CredentialSlot[];
  connector: Connector;
  cassettes: Record<string, Cassette>;
}

export interface DroppedItem {
  path: string;
  reason: string;
}

export interface PublishCheckResult {
  /** False when any finding remains: the template must not be published. */
  ok: boolean;
  findings: PublishFinding[];
  /** What would be published (shown to the user for review even when not ok). */
  template: PublishableTemplate;
  /** What was left out (unredacted cassettes and the replay tests that need them). */
  dropped: DroppedItem[];
}

const MASKED = /^(?:(?:Bearer|Basic|Token|Digest)\s+)?(?:\[redacted\]|(?:\{\{credentials\.[A-Za-z0-9_]+\}\}|[\s:])+)$/i;
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|cookie|set-cookie)$/i;

/** Why a cassette is not safe to publish, or null when it is redacted. */
export function cassetteProblem(cassette: unknown, knownSecrets: Record<string, string> = {}): string | null {
  if (!isCassette(cassette)) return 'it is not a cassette (version 1 with interactions)';
  const redactor = createRedactor(knownSecrets);
  const text = JSON.stringify(cassette);
  if (redactor.containsSecret(text)) return 'it contains a credential value from this machine';
  for (const { path, value } of strings(cassette, '')) {
    const format = matchKnownTokenFormat(value);
    if (format) return `${path} contains ${format.label}`;
  }
  for (const [i, interaction] of cassette.interactions.entries()) {
    const headerSets = [interaction.request.headers, interaction.response?.headers ?? {}];
    for (const headers of headerSets) {
      for (const [name, value] of Object.entries(headers)) {
        if (SENSITIVE_HEADER.test(name) && !MASKED.test(value.trim())) return `interactions[${i}] sends a "${name}" header that is not redacted`;
      }
    }
  }
  return null;
}

export function publishCheck(input: Connector, options: PublishCheckOptions = {}): PublishCheckResult {
  // Parse a copy: defaults applied, nothing shared with the caller's object.
  const parsed = connectorSchemaFor(options.stepKinds).parse(structuredClone(input));
  const findings = [...scanConnectorForSecrets(parsed, options.stepKinds), ...scanForStoredValues(parsed, options.knownSecrets ?? {})];

  const dropped: DroppedItem[] = [];
  const cassettes: Record<string, Cassette> = {};
  for (const [name, cassette] of Object.entries(options.cassettes ?? {})) {
    const problem = cassetteProblem(cassette, options.knownSecrets);
    if (problem) dropped.push({ path: `cassettes.${name}`, reason: `left out: ${problem}` });
    else cassettes[name] = cassette as Cassette;
  }
  const tests = parsed.tests.filter((test, t) => {
    if (test.mode !== 'replay') return true;
    if (test.cassette && Object.hasOwn(cassettes, test.cassette)) return true;
    dropped.push({ path: `tests[${t}]`, reason: `left out: the replay test "${test.name}" has no redacted cassette to publish with it` });
    return false;
  });

  const credentials = credentialSlotsFor(parsed);
  // Run-specific data: the local provenance and the on/off switch belong to this copy only.
  const connector: Connector = { ...parsed, enabled: true, credentials, tests };
  delete connector.template;

  return {
    ok: findings.length === 0,
    findings,
    template: { name: connector.name, description: connector.description, icon: connector.icon, category: connector.category, credentials, connector, cassettes },
    dropped,
  };
}
