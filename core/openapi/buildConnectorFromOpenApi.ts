import { ConnectorError } from '../errors/ConnectorError.js';
import { ConnectorSchema, CURRENT_SCHEMA_VERSION, type Auth, type Connector, type CredentialSlot, type Input, type Step } from '../schema/connector.js';
import { CONNECTOR_LIMITS } from '../schema/limits.js';
import { operationBaseUrl } from './baseUrl.js';
import { toIdentifier, uniqueName } from './identifiers.js';
import { describeOpenApi, locateOperations, type LocatedOperation } from './listOperations.js';
import { operationParameters, parameterInput, parameterRow, type SpecParameter } from './parameters.js';
import { requestBody } from './requestBody.js';
import { mockResponse, suggestOutputs } from './responses.js';
import { operationAuth, type ImportedAuth } from './securityToAuth.js';
import type { SpecObject } from './types.js';

export interface OpenApiImportOptions {
  /** Operation ids (as listed by describeOpenApi) in the order the steps should run. */
  operationIds: string[];
  /** The connector id; default: the API title as a slug. */
  id?: string;
  name?: string;
}

export interface OpenApiImportResult {
  connector: Connector;
  /** What the user should check or finish, per step, in plain words. */
  notes: string[];
}

const STEP_SPACING = 300;

function stepPath(path: string, parameters: SpecParameter[]): string {
  const byName = new Map(parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.variable]));
  return path.replace(/\{([^}]+)\}/g, (_whole, name: string) => `{{${byName.get(name) ?? toIdentifier(name, 'param')}}}`);
}

function sameAuth(a: Auth | undefined, b: Auth | undefined): boolean {
  return JSON.stringify(a ?? { type: 'none' }) === JSON.stringify(b ?? { type: 'none' });
}

interface BuiltStep {
  step: Step;
  inputs: Input[];
  auth: ImportedAuth | undefined;
  notes: string[];
}

function buildStep(spec: SpecObject, located: LocatedOperation, stepId: string): BuiltStep {
  const { operation, pathItem } = located;
  const name = located.summary || located.id;
  const notes: string[] = [];
  const base = operationBaseUrl(spec, pathItem, operation);
  if (base.note) notes.push(base.note);
  const parameters = operationParameters(pathItem, operation);
  const { body, note: bodyNote } = requestBody(operation, parameters);
  if (bodyNote) notes.push(bodyNote);
  const cookies = parameters.filter((p) => p.in === 'cookie');
  if (cookies.length > 0) notes.push(`It takes cookie parameters (${cookies.map((p) => p.name).join(', ')}): add a Cookie header if the API needs them.`);
  const outputs = suggestOutputs(operation);
  const mock = mockResponse(operation);
  if (mock && !mock.documented) notes.push('Its mock response was generated from the response schema (the spec has no example): adjust it to a realistic answer.');
  const auth = operationAuth(spec, operation);
  const accepts = outputs.length > 0 || mock?.mock.body !== undefined;
  const step: Step = {
    id: stepId,
    name,
    kind: 'http',
    method: located.method as Step['method'],
    url: `${base.url}${stepPath(located.path, parameters)}`,
    query: parameters.filter((p) => p.in === 'query').map(parameterRow),
    headers: [
      ...(accepts ? [{ key: 'Accept', value: 'application/json', enabled: true, source: 'static' as const }] : []),
      ...parameters.filter((p) => p.in === 'header' && p.name.toLowerCase() !== 'authorization').map(parameterRow),
    ],
    body,
    outputs,
    ...(mock ? { mock: mock.mock } : {}),
  };
  const inputs = parameters.filter((p) => p.required && (p.in === 'path' || p.in === 'query' || p.in === 'header')).map(parameterInput);
  return { step, inputs, auth, notes: notes.map((note) => `${name}: ${note}`) };
}

/**
 * A connector with one step per chosen operation, chained in the given order (the user rewires
 * them on the canvas). Path and required query/header parameters become inputs; optional ones
 * are disabled rows; auth and credential slots come from the security schemes; each step gets
 * outputs suggested from its response schema and a mock from the documented example.
 */
export function buildConnectorFromOpenApi(spec: SpecObject, options: OpenApiImportOptions): OpenApiImportResult {
  const overview = describeOpenApi(spec);
  const all = locateOperations(spec);
  if (options.operationIds.length === 0) {
    throw new ConnectorError('INVALID_DOCUMENT', 'No operation was chosen.', { hint: `Pick at least one of the ${all.length} operations of ${overview.title}.` });
  }
  if (options.operationIds.length > CONNECTOR_LIMITS.MAX_STEPS_ADVANCED) {
    throw new ConnectorError('INVALID_DOCUMENT', `${options.operationIds.length} operations were chosen, but a connector has at most ${CONNECTOR_LIMITS.MAX_STEPS_ADVANCED} steps.`, { hint: 'Pick fewer operations, or import them into several connectors.' });
  }
  const chosen = options.operationIds.map((id) => {
    const found = all.find((op) => op.id === id);
    if (!found) {
      const sample = all.slice(0, 5).map((op) => op.id).join(', ');
      throw new ConnectorError('INVALID_DOCUMENT', `The spec has no operation "${id}".`, { hint: `Use one of its operation ids (${sample}${all.length > 5 ? ', …' : ''}).` });
    }
    return found;
  });

  const takenIds = new Set<string>();
  const built = chosen.map((op) => buildStep(spec, op, uniqueName(toIdentifier(op.id, 'step'), takenIds)));
  const connectorAuth = built.find((b) => b.auth)?.auth;
  const credentials = new Map<string, CredentialSlot>();
  const inputs = new Map<string, Input>();
  for (const { auth, inputs: stepInputs } of built) {
    for (const slot of auth?.credentials ?? []) credentials.set(slot.name, slot);
    for (const input of stepInputs) if (!inputs.has(input.name)) inputs.set(input.name, input);
  }
  const steps = built.map(({ step, auth }, index) => ({
    ...step,
    ...(sameAuth(auth?.auth, connectorAuth?.auth) ? {} : { auth: auth?.auth ?? { type: 'none' as const } }),
    position: { x: STEP_SPACING * (index + 1), y: 0 },
  }));
  const edges = steps.slice(1).map((step, index) => ({ id: `e${index + 1}`, source: steps[index]!.id, target: step.id }));
  const name = options.name ?? (chosen.length === 1 ? `${overview.title}: ${chosen[0]!.summary || chosen[0]!.id}` : overview.title);
  const connector = ConnectorSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: options.id ?? (toIdentifier(overview.title, 'openapi').replace(/_/g, '-') || 'openapi'),
    name: name.slice(0, 255),
    description: `Imported from ${overview.title}${overview.version ? ` ${overview.version}` : ''} (${overview.specification}).`,
    advanced: steps.length > CONNECTOR_LIMITS.MAX_STEPS,
    inputs: [...inputs.values()],
    credentials: [...credentials.values()],
    auth: connectorAuth?.auth ?? { type: 'none' },
    steps,
    edges,
  });
    // An auth note concerns the API, not one step: said once.
  const authNotes = new Set(built.map((b) => b.auth?.note).filter((note): note is string => note !== undefined));
  return { connector, notes: [...authNotes, ...built.flatMap((b) => b.notes)] };
}
