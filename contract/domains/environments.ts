/** The workspace's environments (`environments.*`, issue 15); secret values stay in the vault. */
import { z } from 'zod';
import { IDENTIFIER } from '#core';
import { call, noParams, type DomainCallSpecs } from './call.js';

export const environmentName = z.string().regex(IDENTIFIER, 'an environment name uses letters, digits and _ and starts with a letter or _').max(100);

export const EnvironmentViewSchema = z.object({
  name: z.string(),
  variables: z.record(z.string(), z.string()),
  /** Secret variables: names, and whether the vault holds a value (never the value). */
  secrets: z.array(z.object({ name: z.string(), set: z.boolean() })),
  confirmLiveRuns: z.boolean(),
});
export type EnvironmentView = z.infer<typeof EnvironmentViewSchema>;

export const EnvironmentSaveParamsSchema = z.object({
  name: environmentName,
  variables: z.record(environmentName, z.string().max(4096)).default({}),
  secrets: z.array(environmentName).default([]),
  confirmLiveRuns: z.boolean().default(false),
}).strict();

export const environmentsCalls = {
  /** The open workspace's environments (environments.json; secret values stay in the vault). */
  'environments.list': call(noParams, z.array(EnvironmentViewSchema)),
  'environments.save': call(EnvironmentSaveParamsSchema, z.array(EnvironmentViewSchema)),
  'environments.delete': call(z.object({ name: environmentName }).strict(), z.array(EnvironmentViewSchema)),
  /** Renames an environment, moving its secret values in the vault with it. */
  'environments.rename': call(z.object({ name: environmentName, to: environmentName }).strict(), z.array(EnvironmentViewSchema)),
  /** Stores a secret variable's value in the vault (and lists the name in environments.json). */
  'environments.setSecret': call(z.object({ environment: environmentName, name: environmentName, value: z.string().min(1, 'the value is empty').max(65_536) }).strict(), z.array(EnvironmentViewSchema)),
} satisfies DomainCallSpecs<'environments'>;
