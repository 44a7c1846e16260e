/**
 * The interchange format has no environments. On export, `{{env.x}}` is mapped to what the
 * SaaS can express, from an environment the user chooses:
 *
 * - a plain variable becomes an input (named `x`, or `env_x` when that name is taken) whose
 *   default is the environment's value — the SaaS runs it the same way, and a caller may still
 *   pass another value;
 * - a secret variable becomes the workspace credential `{{workspace.x}}` (or `env_x`): its value
 *   is never written, it is set in the SaaS like any credential.
 *
 * Without an environment, or with one that lacks a variable, the export is refused with the
 * step and field that use each variable and what to do.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import type { Connector, Input } from '../schema/connector.js';
import { listReferences } from '../template/listReferences.js';
import { stepKindOf, type StepKindRegistry } from '../steps/registry.js';

/** What export needs of an environment: plain values, and the names of secret ones (never their values). */
export interface ExportEnvironment {
  name: string;
  variables: Record<string, string>;
  secrets: readonly string[];
}

interface Usage {
  variable: string;
  where: string;
}

const ENV_REFERENCE = /\{\{\s*env\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function envNames(value: unknown): string[] {
  return listReferences(value).flatMap((ref) => (ref.kind === 'env' ? [ref.name] : []));
}

/** Every use of an environment variable, named the way the editor names the field (each step's request parts, as its kind names them). */
export function environmentUsages(c: Connector, stepKinds?: StepKindRegistry): Usage[] {
  const usages: Usage[] = [];
  const listed = new Set<string>();
  const add = (value: unknown, where: string) => {
    for (const variable of envNames(value)) {
      // Once per place: a body's form fields are one place, "body".
      const key = `${variable}\u0000${where}`;
      if (listed.has(key)) continue;
      listed.add(key);
      usages.push({ variable, where });
    }
  };
  add(c.auth, "the connector's auth");
  for (const step of c.steps) {
    const label = `step "${step.name || step.id}"`;
    const kind = stepKindOf(step, stepKinds);
    for (const part of kind.requestParts(step)) add(part.name === undefined ? part.value : [part.name, part.value], `${label} ${part.label}`);
    const own = kind.auth(step);
    if (own) add(own, `${label} auth`);
    if (step.condition) add(step.condition, `${label} "run only if" condition`);
  }
  for (const edge of c.edges) if (edge.condition) add(edge.condition, `the condition on the edge ${edge.source} → ${edge.target}`);
  return usages;
}

const describe = (usages: Usage[]) => usages.map((u) => `${u.where} uses {{env.${u.variable}}}`).join('; ');

/** A name not yet used by an input, a credential or a step. */
function freeName(variable: string, taken: Set<string>): string {
  let name = taken.has(variable) ? `env_${variable}` : variable;
  for (let n = 2; taken.has(name); n += 1) name = `env_${variable}_${n}`;
  taken.add(name);
  return name;
}

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, fn));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, fn)]));
  return value;
}

/** The connector with `{{env.x}}` mapped as above; unchanged when it uses no environment variable. */
export function mapEnvironmentForExport(c: Connector, environment: ExportEnvironment | undefined, stepKinds?: StepKindRegistry): Connector {
  const usages = environmentUsages(c, stepKinds);
  if (usages.length === 0) return c;
  if (!environment) {
    throw new ConnectorError('UNSUPPORTED_EXPORT', `The interchange format has no environments, and this connector uses them: ${describe(usages)}.`, {
      hint: 'Choose an environment to export with (app: pick it in the run bar, then Export; CLI: convert --to interchange --env <name>): each variable becomes an input whose default is that environment\'s value, and a secret one a workspace credential (its value is never exported).',
    });
  }
  const secrets = new Set(environment.secrets);
  const missing = usages.filter((u) => !secrets.has(u.variable) && !Object.hasOwn(environment.variables, u.variable));
  if (missing.length > 0) {
    throw new ConnectorError('UNSUPPORTED_EXPORT', `The environment "${environment.name}" has no value for what the connector uses: ${describe(missing)}.`, {
      hint: `Add ${[...new Set(missing.map((u) => u.variable))].join(', ')} to "${environment.name}" under Environments, or export with another environment.`,
    });
  }

  const credentialNames = listReferences(c).flatMap((ref) => (ref.kind === 'credential' ? [ref.name] : []));
  const taken = new Set([...c.inputs.map((i) => i.name), ...c.steps.map((s) => s.id), ...credentialNames]);
  const replacement = new Map<string, string>();
  const inputs: Input[] = [...c.inputs];
  for (const variable of [...new Set(usages.map((u) => u.variable))].sort()) {
    const name = freeName(variable, taken);
    if (secrets.has(variable)) {
      replacement.set(variable, `{{credentials.${name}}}`);
    } else {
      replacement.set(variable, `{{${name}}}`);
      inputs.push({ name, type: 'string', label: `${variable} (${environment.name} environment)`, required: false, default: environment.variables[variable]! });
    }
  }
  const { inputs: _inputs, tests: _tests, ...rest } = c;
  const mapped = mapStrings(rest, (s) => s.replace(ENV_REFERENCE, (whole, variable: string) => replacement.get(variable) ?? whole)) as Omit<Connector, 'inputs' | 'tests'>;
  return { ...mapped, inputs, tests: c.tests };
}
