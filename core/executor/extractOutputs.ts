/**
 * Reads a step's outputs from its response body with JSONPath. A body that is not JSON
 * gives null outputs and a warning (the step itself still succeeded: the API answered 2xx).
 */
import type { Step } from '../schema/connector.js';
import { extractPath } from '../jsonpath/extractPath.js';

export function extractOutputs(step: Pick<Step, 'id' | 'outputs'>, bodyText: string): { outputs: Record<string, unknown>; warnings: string[] } {
  // Prototype-less: an output name is a key, and no key may reach a prototype.
  const outputs: Record<string, unknown> = Object.create(null);
  const warnings: string[] = [];
  if (step.outputs.length === 0) return { outputs, warnings };
  let json: unknown = null;
  if (bodyText.trim() !== '') {
    try {
      json = JSON.parse(bodyText);
    } catch (error) {
      warnings.push(`The response is not valid JSON (${(error as Error).message}), so the outputs ${step.outputs.map((o) => o.name).join(', ')} are null.`);
    }
  }
  for (let i = 0; i < step.outputs.length; i++) {
    const output = step.outputs[i] as Step['outputs'][number];
    outputs[output.name] = extractPath(json, output.path);
  }
  return { outputs, warnings };
}
