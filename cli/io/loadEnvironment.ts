import { dirname } from 'node:path';
import type { ExportEnvironment, RunEnvironment } from '#core';
import { ENVIRONMENTS_FILE, readEnvironments } from '../../host/environments/environmentsFile.js';
import { CliError } from '../errors/CliError.js';

/**
 * `--env <name>`: the environment from the environments.json next to the connector file (the
 * workspace's). Secret variables take their values from CONNECTOR_STUDIO_ENV_<NAME> (the CLI has
 * no vault); a missing one fails the run where it is used, saying which.
 */
export async function loadEnvironment(connectorFile: string, name: string, env: NodeJS.ProcessEnv): Promise<RunEnvironment> {
  const environment = await readEnvironment(connectorFile, name);
  const secrets: Record<string, string> = {};
  for (const secret of environment.secrets) {
    const value = env[`CONNECTOR_STUDIO_ENV_${secret.toUpperCase()}`];
    if (value) secrets[secret] = value;
  }
  return { name, variables: environment.variables, secrets };
}

/** `convert --env <name>`: the plain values and the names of the secret variables (their values are never read). */
export async function exportEnvironment(connectorFile: string, name: string): Promise<ExportEnvironment> {
  const environment = await readEnvironment(connectorFile, name);
  return { name, variables: environment.variables, secrets: environment.secrets };
}

async function readEnvironment(connectorFile: string, name: string) {
  const { environments } = await readEnvironments(dirname(connectorFile)).catch((error: Error) => {
    throw new CliError(error.message);
  });
  const environment = environments[name];
  if (!environment) {
    const known = Object.keys(environments);
    throw new CliError(`There is no environment "${name}" in ${ENVIRONMENTS_FILE} next to ${connectorFile}. ${known.length > 0 ? `Use one of: ${known.join(', ')}.` : 'That folder has no environments yet.'}`);
  }
  return environment;
}
