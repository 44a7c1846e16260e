/**
 * THE SKIP RULE (see README.md). Pure: given a step whose predecessors have all settled,
 * decide whether it runs or is skipped, and say why.
 *
 * - An edge is taken when its source succeeded (or failed under continueOnError) and its
 *   condition, if any, is true.
 * - A step with no incoming edge is reachable; one with incoming edges is reachable when at
 *   least one of them is taken. An unreachable step is skipped, which propagates.
 * - A reachable step whose own condition is false is skipped.
 */
export type SettledState = 'succeeded' | 'failed' | 'skipped';

export interface IncomingEdge {
  id: string;
  source: string;
  condition?: string | undefined;
}

export type Decision = { run: true } | { run: false; reason: string };

/** Evaluates a condition in the target step's scope; may throw INVALID_EXPRESSION. */
export type ConditionEvaluator = (condition: string) => boolean;

export function decideStep(step: { id: string; condition?: string | undefined }, incoming: readonly IncomingEdge[], states: ReadonlyMap<string, SettledState>, evaluate: ConditionEvaluator): Decision {
  if (incoming.length > 0) {
    const notTaken: string[] = [];
    let taken = false;
    for (const edge of incoming) {
      const source = states.get(edge.source);
      if (source === 'skipped' || source === undefined) {
        notTaken.push(`${edge.source} was skipped`);
        continue;
      }
      if (edge.condition !== undefined && edge.condition.trim() !== '' && !evaluate(edge.condition)) {
        notTaken.push(`the condition ${edge.condition} on edge ${edge.id} from ${edge.source} is false`);
        continue;
      }
      taken = true;
    }
    if (!taken) return { run: false, reason: `no incoming edge was taken: ${notTaken.join('; ')}` };
  }
  if (step.condition !== undefined && step.condition.trim() !== '' && !evaluate(step.condition)) {
    return { run: false, reason: `its condition ${step.condition} is false` };
  }
  return { run: true };
}
