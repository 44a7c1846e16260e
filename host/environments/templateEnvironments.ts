/**
 * Environments a template declares, added to the workspace on install: each one the workspace
 * lacks is created (secret variables by name only; their values are set under Environments);
 * one with the same name is kept as the user has it, never overwritten, and reported.
 */
import { envVariablesOf, type Connector, type TemplateEnvironment } from '#core';
import { readEnvironments, writeEnvironments } from './environmentsFile.js';

export interface AddedEnvironments {
  created: string[];
  /** Already in the workspace: left as they were. */
  kept: string[];
}

export async function addTemplateEnvironments(workspaceRoot: string, declared: Record<string, TemplateEnvironment>): Promise<AddedEnvironments> {
  const names = Object.keys(declared).sort();
  if (names.length === 0) return { created: [], kept: [] };
  const file = await readEnvironments(workspaceRoot);
  const created: string[] = [];
  const kept: string[] = [];
  for (const name of names) {
    if (Object.hasOwn(file.environments, name)) {
      kept.push(name);
      continue;
    }
    const { variables, secrets, confirmLiveRuns } = declared[name]!;
    // A name listed as secret is never also written as a plain value.
    file.environments[name] = { variables: Object.fromEntries(Object.entries(variables).filter(([variable]) => !secrets.includes(variable))), secrets: [...secrets], confirmLiveRuns };
    created.push(name);
  }
  if (created.length > 0) await writeEnvironments(workspaceRoot, file);
  return { created, kept };
}

/**
 * What a published template declares: the workspace's environments, each cut down to the
 * variables the connector uses (plain values, and secret ones by name only). None when the
 * connector uses no environment variable.
 */
export async function environmentsForTemplate(workspaceRoot: string, connector: Connector): Promise<Record<string, TemplateEnvironment>> {
  const used = new Set(envVariablesOf(connector));
  if (used.size === 0) return {};
  const { environments } = await readEnvironments(workspaceRoot);
  return Object.fromEntries(Object.entries(environments).map(([name, env]) => [name, {
    variables: Object.fromEntries(Object.entries(env.variables).filter(([variable]) => used.has(variable))),
    secrets: env.secrets.filter((secret) => used.has(secret)),
    confirmLiveRuns: env.confirmLiveRuns,
  }]));
}
