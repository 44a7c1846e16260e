import type { GraphIndex } from '../graph/graphIndex.js';
import { CONNECTOR_LIMITS } from '../schema/limits.js';
import type { Connector } from '../schema/connector.js';
import { issueAt, type ValidationIssue } from './issue.js';

/**
 * The seed's size limits: steps (5, or 10 when advanced), branches per fan-out and steps that
 * start at once (3). The validator reports them and the executor refuses to run a connector
 * that breaks one, whoever calls it (the 60 s budget is the executor's own deadline).
 */
export function limitIssues(c: Connector, index: GraphIndex): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const max = c.advanced ? CONNECTOR_LIMITS.MAX_STEPS_ADVANCED : CONNECTOR_LIMITS.MAX_STEPS;
  if (c.steps.length > max) {
    issues.push(issueAt(c, 'steps', `has ${c.steps.length} steps; the limit is ${max}`, {
      hint: c.advanced ? `Remove steps until there are at most ${max}.` : `Remove steps, or turn on Basics › Advanced to allow up to ${CONNECTOR_LIMITS.MAX_STEPS_ADVANCED}.`,
    }));
  }
  const width = CONNECTOR_LIMITS.MAX_PARALLEL_STEPS;
  c.steps.forEach((step, i) => {
    if (index.position.get(step.id) !== i) return; // a repeated id is reported once, as a duplicate
    const targets = [...new Set(index.outgoing(step.id).map((edge) => edge.target))];
    if (targets.length > width) {
      issues.push(issueAt(c, `steps[${i}]`, `this step fans out to ${targets.length} steps (${list(targets)}); at most ${width} branches may run in parallel`, {
        hint: 'Chain some of the branches one after another instead.',
        stepId: step.id,
      }));
    }
  });
  const entries = c.steps.filter((step, i) => index.position.get(step.id) === i && index.incoming(step.id).length === 0).map((step) => step.id);
  if (entries.length > width) {
    issues.push(issueAt(c, 'edges', `has ${entries.length} steps with no step before them, which would all start at once (${list(entries)}); at most ${width} may`, {
      hint: 'Connect some of these steps after another step.',
    }));
  }
  return issues;
}

/** "a, b, c" — or the first ten and how many more, so a 1,000-step file gets a readable line. */
function list(ids: readonly string[]): string {
  return ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`;
}
