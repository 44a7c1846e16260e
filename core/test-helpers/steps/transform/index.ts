/**
 * A TEST-ONLY step kind, not in the app's registry: `transform` fills its `value` (a JSON object,
 * with templates inside) from the step's scope and reads its outputs from the result with
 * JSONPath, without any request. It exists to prove that a step kind is one folder plus one
 * registry line: a test registers it with createStepKindRegistry([...]) and validates it, runs it
 * live, in mock mode and from a cassette (core/steps/testOnlyKind.test.ts); its renderer half is
 * renderer/test-helpers/steps/transform/.
 */
import { z } from 'zod';
import { toConnectorError } from '../../../errors/ConnectorError.js';
import { extractOutputs } from '../../../executor/extractOutputs.js';
import { interpolate } from '../../../template/interpolate.js';
import { stepSchema } from '../../../steps/stepBase.js';
import { defineStepKind, type StepKindDefinition } from '../../../steps/stepKind.js';

export const TransformStepSchema = stepSchema('transform', {
  /** A JSON object the outputs are read from; strings inside are templates. */
  value: z.record(z.string(), z.unknown()),
});

export type TransformStep = z.infer<typeof TransformStepSchema>;

export const transform: StepKindDefinition<typeof TransformStepSchema> = defineStepKind({
  kind: 'transform',
  label: 'Transform',
  schema: TransformStepSchema,
  empty: (id) => ({ id, kind: 'transform', value: {} }),
  templateFields: (step) => [{ path: 'value', value: step.value }],
  requestParts: (step) => [{ path: 'value', label: 'value', value: step.value, role: 'content', sent: true }],
  auth: () => undefined,
  fieldHints: { value: 'Give the transform the JSON object it builds, e.g. { "full": "{{first}} {{last}}" }.' },
  rules: () => [],
  async execute(step, scope, context) {
    const startedAt = context.clock.now();
    const finish = (status: 'success' | 'failed', outputs: Record<string, unknown>, error?: ReturnType<typeof toConnectorError>) => {
      const finishedAt = context.clock.now();
      const record = {
        id: step.id, name: step.name, status, startedAt, finishedAt, durationMs: finishedAt - startedAt, attempts: [],
        outputs: context.redactor.redactValue(outputs),
        ...(error ? { error: context.redactor.redactValue(error.toJSON()) } : {}),
      };
      return error ? { status, outputs, record, error } : { status, outputs, record };
    };
    try {
      const value = interpolate(step.value, scope);
      return finish('success', extractOutputs(step, JSON.stringify(value ?? null)).outputs);
    } catch (error) {
      return finish('failed', Object.fromEntries(step.outputs.map((o) => [o.name, null])), toConnectorError(error));
    }
  },
  transport: { sends: 'none' },
  interchange: { export: 'unsupported', reason: 'the interchange format has no transform step', hint: 'Replace the transform step with an HTTP step before exporting.' },
});
