/** Stand-ins for environment variables in offline runs (envPlaceholder.ts: one variable's). */
import type { Connector } from '../schema/connector.js';
import { listReferences } from '../template/listReferences.js';
import { hasTemplate, parseTemplate } from '../template/parseTemplate.js';
import type { RunEnvironment } from '../executor/types.js';
// Its own file: the HTTP kind's request loop (replayUrl.ts) needs it, and this module asks the step kinds.
import { envPlaceholder } from './envPlaceholder.js';
import { stepKindOf, type StepKindRegistry } from '../steps/registry.js';

/** The names of the environment variables a connector refers to, sorted. */
export function envVariablesOf(connector: Connector): string[] {
  return [...new Set(listReferences({ ...connector, tests: [] }).flatMap((ref) => (ref.kind === 'env' ? [ref.name] : [])))].sort();
}

/** Variables a step's address (its URL) begins with (a base URL): their stand-in must still parse as a URL. */
function baseUrlVariables(connector: Connector, stepKinds: StepKindRegistry | undefined): Set<string> {
  const names = new Set<string>();
  for (const step of connector.steps) {
    for (const { role, value } of stepKindOf(step, stepKinds).requestParts(step)) {
      if (role !== 'address' || typeof value !== 'string' || !hasTemplate(value)) continue;
      const first = parseTemplate(value)[0];
      if (first?.type === 'reference' && first.start === 0 && first.ref.kind === 'env') names.add(first.ref.name);
    }
  }
  return names;
}

/**
 * An environment whose every variable the connector uses stands for itself (`{{env.region}}`,
 * a base URL as `https://base-url.env.invalid`), as `{{credentials.x}}` does in offline tests:
 * mock runs need no values, and replay matches recordings on placeholders whatever the values.
 */
export function placeholderEnvironment(connector: Connector, name = 'stand-ins', stepKinds?: StepKindRegistry): RunEnvironment {
  const baseUrls = baseUrlVariables(connector, stepKinds);
  const standIn = (variable: string) => (baseUrls.has(variable) ? `https://${variable.toLowerCase().replaceAll('_', '-')}.env.invalid` : envPlaceholder(variable));
  return { name, variables: Object.fromEntries(envVariablesOf(connector).map((variable) => [variable, standIn(variable)])) };
}

/**
 * For mock and replay runs: the chosen environment (or none) with a stand-in for every variable
 * it lacks, so a cassette recorded elsewhere replays and a missing secret is no obstacle offline.
 * Undefined when the connector uses no environment variable and none was chosen.
 * `stepKinds`: the registry the document was read with (default: the app's kinds).
 */
export function offlineEnvironment(connector: Connector, chosen: RunEnvironment | undefined, stepKinds?: StepKindRegistry): RunEnvironment | undefined {
  const placeholders = placeholderEnvironment(connector, chosen?.name, stepKinds);
  if (!chosen && Object.keys(placeholders.variables).length === 0) return undefined;
  const given = new Set([...Object.keys(chosen?.variables ?? {}), ...Object.keys(chosen?.secrets ?? {})]);
  const missing = Object.fromEntries(Object.entries(placeholders.variables).filter(([variable]) => !given.has(variable)));
  return { name: placeholders.name, variables: { ...missing, ...chosen?.variables }, ...(chosen?.secrets ? { secrets: chosen.secrets } : {}) };
}
