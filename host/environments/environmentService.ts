/** Environments of the open workspace: the file for variables, the vault for secret values. */
import type { ExportEnvironment, RunEnvironment } from '#core';
import { HostError, type EnvironmentView } from '../../contract/hostApi.js';
import type { Vault } from '../vault/vault.js';
import { environmentSecretKey, readEnvironments, writeEnvironments, type Environment } from './environmentsFile.js';

export class EnvironmentService {
  constructor(private readonly root: () => string, private readonly vault: Vault) {}

  async list(): Promise<EnvironmentView[]> {
    const { environments } = await readEnvironments(this.root());
    const stored = new Set((await this.vault.list()).map((c) => c.name));
    return Object.entries(environments).map(([name, env]) => ({
      name,
      variables: env.variables,
      secrets: env.secrets.map((secret) => ({ name: secret, set: stored.has(environmentSecretKey(name, secret)) })),
      confirmLiveRuns: env.confirmLiveRuns,
    }));
  }

  async save(name: string, environment: Environment): Promise<EnvironmentView[]> {
    const file = await readEnvironments(this.root());
    const clash = Object.keys(environment.variables).find((v) => environment.secrets.includes(v));
    if (clash) throw new HostError('INVALID_DOCUMENT', `"${clash}" is both a plain and a secret variable of ${name}.`, { hint: 'Keep it in one of the two lists.' });
    file.environments[name] = environment;
    await writeEnvironments(this.root(), file);
    return this.list();
  }

  async delete(name: string): Promise<EnvironmentView[]> {
    const file = await readEnvironments(this.root());
    const env = file.environments[name];
    if (env) {
      for (const secret of env.secrets) await this.vault.delete(environmentSecretKey(name, secret));
      delete file.environments[name];
      await writeEnvironments(this.root(), file);
    }
    return this.list();
  }

  async rename(name: string, to: string): Promise<EnvironmentView[]> {
    const file = await readEnvironments(this.root());
    const env = file.environments[name];
    if (!env) throw new HostError('NOT_FOUND', `There is no environment "${name}".`, { hint: 'Reload the list of environments.' });
    if (name === to) return this.list();
    if (file.environments[to]) throw new HostError('ALREADY_EXISTS', `There is already an environment called "${to}".`, { hint: 'Pick another name, or delete that one first.' });
    for (const secret of env.secrets) {
      const value = await this.vault.get(environmentSecretKey(name, secret));
      if (value !== undefined) await this.vault.set(environmentSecretKey(to, secret), value);
    }
    file.environments[to] = env;
    delete file.environments[name];
    await writeEnvironments(this.root(), file);
    for (const secret of env.secrets) await this.vault.delete(environmentSecretKey(name, secret));
    return this.list();
  }

  async setSecret(environment: string, name: string, value: string): Promise<EnvironmentView[]> {
    const file = await readEnvironments(this.root());
    const env = file.environments[environment];
    if (!env) throw new HostError('NOT_FOUND', `There is no environment "${environment}".`, { hint: 'Create it first.' });
    if (!env.secrets.includes(name)) {
      env.secrets.push(name);
      await writeEnvironments(this.root(), file);
    }
    await this.vault.set(environmentSecretKey(environment, name), value);
    return this.list();
  }

  /** What the interchange export needs: plain values and the names of secret variables (never their values). */
  async forExport(name: string): Promise<ExportEnvironment> {
    const env = (await readEnvironments(this.root())).environments[name];
    if (!env) throw new HostError('NOT_FOUND', `There is no environment "${name}" in this workspace.`, { hint: 'Pick another environment in the run bar, or add it under Environments.' });
    return { name, variables: env.variables, secrets: env.secrets };
  }

  /** What a run under `name` gets: its variables and secret values, and whether live runs need confirming. */
  async resolve(name: string): Promise<{ environment: RunEnvironment; confirmLiveRuns: boolean }> {
    const { environments } = await readEnvironments(this.root());
    const env = environments[name];
    if (!env) throw new HostError('NOT_FOUND', `There is no environment "${name}" in this workspace.`, { hint: `Pick one of: ${Object.keys(environments).join(', ') || '(none yet — add one under Environments)'}.` });
    const secrets: Record<string, string> = {};
    for (const secret of env.secrets) {
      const value = await this.vault.get(environmentSecretKey(name, secret));
      if (value !== undefined) secrets[secret] = value;
    }
    return { environment: { name, variables: env.variables, secrets }, confirmLiveRuns: env.confirmLiveRuns };
  }
}
