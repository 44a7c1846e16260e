/**
 * How a host call is declared: its params schema (checked before any host code runs) and its
 * result schema. Each domain file (contract/domains/<domain>.ts) lists its calls with `call()`.
 */
import { z } from 'zod';
import type { HostCallName } from '../hostCallNames.js';

export interface CallSpec<P extends z.ZodType, R extends z.ZodType> {
  params: P;
  result: R;
}
export const call = <P extends z.ZodType, R extends z.ZodType>(params: P, result: R): CallSpec<P, R> => ({ params, result });

/** The calls of one namespace: the compiler checks a domain file declares all of them. */
export type DomainCallSpecs<NS extends string> = Record<Extract<HostCallName, `${NS}.${string}`>, CallSpec<z.ZodType, z.ZodType>>;

export const noParams = z.object({}).strict().optional();
export const connectorId = z.string().min(1).max(200);
