/** How the run bar's cassette list names a cassette: name, the inputs it was recorded with, date, environment, requests. */
import type { CassetteSummary } from '../../contract/hostApi.js';

const MAX_INPUTS_TEXT = 48;

/** `phone +331, vip true`, cut with … past 48 characters; empty for a cassette without inputs. */
export function cassetteInputsText(inputs: CassetteSummary['inputs']): string {
  const text = Object.entries(inputs ?? {}).filter(([, value]) => value !== null && value !== '').map(([name, value]) => `${name} ${String(value)}`).join(', ');
  return text.length > MAX_INPUTS_TEXT ? `${text.slice(0, MAX_INPUTS_TEXT - 1)}…` : text;
}

export function cassetteLabel(c: CassetteSummary, formatDate: (iso: string) => string = (iso) => new Date(iso).toLocaleString()): string {
  if (c.error !== undefined) return `${c.name} (unreadable)`;
  const inputs = cassetteInputsText(c.inputs);
  // The inputs tell two recordings apart best: right after the name, so a cut closed list still shows them.
  return [
    c.name,
    inputs ? `inputs: ${inputs}` : '',
    c.recordedAt ? formatDate(c.recordedAt) : '',
    c.environment ? `recorded in ${c.environment}` : '',
    `${c.interactions} request${c.interactions === 1 ? '' : 's'}`,
  ].filter((part) => part !== '').join(' · ');
}
