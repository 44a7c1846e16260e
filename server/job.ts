/**
 * What a queued execution carries: ids and input values only. Credential values are never
 * part of a job: the worker resolves them server-side when the connector asks for them.
 */
import { z } from 'zod';

const InputValueSchema = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

export const ConnectorJobSchema = z.object({
  /** The run id: the job's id in the queue and the execution's client_run_id (exactly once). */
  runId: z.uuid({ message: 'runId must be a UUID (the run id returned by enqueue)' }),
  connectorId: z.uuid({ message: 'connectorId must be the connector\'s UUID' }),
  workspaceId: z.uuid({ message: 'workspaceId must be the workspace\'s UUID' }),
  contactId: z.uuid({ message: 'contactId must be a contact\'s UUID' }).nullish(),
  inputs: z.record(z.string().max(100), InputValueSchema).refine((inputs) => Object.keys(inputs).length <= 100, 'at most 100 inputs').default({}),
  /** When the run was requested (ms since epoch), for queue-to-done latency. */
  requestedAt: z.number().int().nonnegative().optional(),
});

export type ConnectorJob = z.infer<typeof ConnectorJobSchema>;
