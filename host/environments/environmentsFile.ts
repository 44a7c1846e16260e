/**
 * The workspace's environments (sandbox, production…) in `environments.json`, next to the
 * connector files so they travel with git: non-secret variables and the *names* of secret
 * ones, sorted keys for small diffs. Secret values live in the vault, one entry per
 * environment and variable (`env:<environment>:<name>`), and are never written here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IDENTIFIER, stableStringify } from '#core';
import { HostError } from '../../contract/hostApi.js';
import { atomicWriteFile } from '../fs/atomicWriteFile.js';

export const ENVIRONMENTS_FILE = 'environments.json';

const name = z.string().regex(IDENTIFIER, 'an environment or variable name uses letters, digits and _ and starts with a letter or _').max(100);

export const EnvironmentSchema = z.object({
  variables: z.record(name, z.string().max(4096)).default({}),
  /** Names of variables whose values are secrets (kept in the vault). */
  secrets: z.array(name).default([]),
  /** Ask before a live run against this environment (production). */
  confirmLiveRuns: z.boolean().default(false),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

export const EnvironmentsFileSchema = z.object({ environments: z.record(name, EnvironmentSchema).default({}) });
export type EnvironmentsFile = z.infer<typeof EnvironmentsFileSchema>;

/** The vault entry of one secret variable (a name credentials.set can never produce). */
export const environmentSecretKey = (environment: string, variable: string) => `env:${environment}:${variable}`;
export const isEnvironmentSecretKey = (vaultName: string) => vaultName.startsWith('env:');

export async function readEnvironments(workspaceRoot: string): Promise<EnvironmentsFile> {
  let text: string;
  try {
    text = await readFile(join(workspaceRoot, ENVIRONMENTS_FILE), 'utf8');
  } catch {
    return { environments: {} };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new HostError('INVALID_DOCUMENT', `${ENVIRONMENTS_FILE} is not valid JSON: ${(error as Error).message}`, { hint: `Fix or remove ${ENVIRONMENTS_FILE} in the workspace folder.` });
  }
  const parsed = EnvironmentsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HostError('INVALID_DOCUMENT', `${ENVIRONMENTS_FILE}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, { hint: `Fix ${ENVIRONMENTS_FILE} in the workspace folder.` });
  }
  return parsed.data;
}

export async function writeEnvironments(workspaceRoot: string, file: EnvironmentsFile): Promise<void> {
  await atomicWriteFile(join(workspaceRoot, ENVIRONMENTS_FILE), `${stableStringify(file)}\n`);
}
