import type { ExecutionRecord, SerializedConnectorError, StepRecord } from '#core';
import { credentialEnvName } from '../io/credentials.js';

const ICONS = { success: '✓', failed: '✗', skipped: '○' } as const;

/** The readable step-by-step report of `run` without `--json`. */
export function formatRunReport(record: ExecutionRecord): string {
  const lines: string[] = [];
  const ok = record.status === 'success';
  lines.push(`${ok ? ICONS.success : ICONS.failed} ${record.connectorName}: ${describeRunStatus(record)} in ${formatMs(record.durationMs)}`);
  lines.push('');

  const idWidth = Math.max(...record.steps.map((step) => step.id.length), 4);
  const nameWidth = Math.max(...record.steps.map((step) => step.name.length), 0);
  for (const step of record.steps) {
    lines.push(`  ${ICONS[step.status]} ${step.id.padEnd(idWidth)}  ${step.name.padEnd(nameWidth)}  ${describeStep(step)}`);
    for (const [name, value] of Object.entries(step.outputs)) lines.push(`      ${name} = ${formatValue(value)}`);
    if (step.error) lines.push(...describeError(step.error).map((line) => `      ${line}`));
  }
  if (record.error && !record.steps.some((step) => step.error)) {
    lines.push('', ...describeError(record.error).map((line) => `  ${line}`));
  }

  lines.push('');
  const fields = Object.entries(record.contact);
  if (fields.length === 0) {
    lines.push('Contact: no fields mapped.');
  } else {
    lines.push('Contact:');
    const width = Math.max(...fields.map(([name]) => name.length));
    for (const [name, value] of fields) lines.push(`  ${name.padEnd(width)} = ${formatValue(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One line per row in `run --data` without `--json`. */
export function formatRowLine(record: ExecutionRecord, row: number): string {
  const ok = record.status === 'success';
  const failedStep = record.steps.find((step) => step.status === 'failed');
  const error = failedStep?.error ?? record.error;
  const reason = ok ? '' : `  ${failedStep ? `${failedStep.id}: ` : ''}${error ? `${error.message}` : describeRunStatus(record)}`;
  return `${ok ? ICONS.success : ICONS.failed} row ${row}  ${formatMs(record.durationMs)}${reason}\n`;
}

function describeRunStatus(record: ExecutionRecord): string {
  switch (record.status) {
    case 'success': return 'succeeded';
    case 'failed': return 'failed';
    case 'timeout': return 'ran out of time';
    case 'cancelled': return 'was cancelled';
  }
}

function describeStep(step: StepRecord): string {
  if (step.status === 'skipped') return `skipped${step.skipReason ? `: ${step.skipReason}` : ''}`;
  const parts: string[] = [];
  // The last answer received (records without response parts still carry it per attempt).
  const status = step.response?.status ?? step.attempts.findLast((attempt) => attempt.status !== undefined)?.status;
  parts.push(status === undefined ? 'no response' : `HTTP ${status}`);
  const attempts = step.attempts.length;
  parts.push(`${attempts} attempt${attempts === 1 ? '' : 's'}`);
  parts.push(formatMs(step.durationMs));
  return parts.join('  ');
}

function describeError(error: SerializedConnectorError): string[] {
  const lines = [`${error.code}: ${error.message}`];
  const hint = error.code === 'MISSING_CREDENTIAL' ? credentialHint(error) : error.hint;
  if (hint) lines.push(`→ ${hint}`);
  return lines;
}

/** The core's hint speaks of the app's vault; on the command line the fix is a flag or variable. */
function credentialHint(error: SerializedConnectorError): string {
  const name = /credentials\.([A-Za-z_][A-Za-z0-9_]*)/.exec(`${error.path ?? ''} ${error.message}`)?.[1]
    ?? /"([A-Za-z_][A-Za-z0-9_]*)"/.exec(error.message)?.[1];
  if (!name) return 'Pass each credential with --credential name=value or a CONNECTOR_STUDIO_CREDENTIAL_<NAME> environment variable.';
  return `Pass --credential ${name}=… or set ${credentialEnvName(name)}.`;
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function formatValue(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
