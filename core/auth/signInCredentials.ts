/** The credentials of a connector that signing in fills (OAuth connections), from every auth block it has. */
import type { Connector } from '../schema/connector.js';
import { authKindOf } from './kinds/registry.js';
import { STEP_KINDS } from '../steps/registry.js';

export function signInCredentials(connector: Pick<Connector, 'auth' | 'steps'>): string[] {
  const names = new Set<string>();
  for (const auth of [connector.auth, ...connector.steps.map((step) => STEP_KINDS.find(step)?.auth(step))]) {
    const name = auth ? authKindOf(auth).signIn?.connection(auth) : undefined;
    if (name) names.add(name);
  }
  return [...names];
}
