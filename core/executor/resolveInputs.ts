/**
 * Turns the inputs a caller gave (CLI strings, form values, CSV cells) into the typed
 * values templates see: defaults applied, numbers and booleans parsed, everything else
 * kept as a string (a phone number such as "+15551234567" stays exactly that).
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import type { Input } from '../schema/connector.js';
import type { InputValue } from './types.js';

const TRUE_WORDS = new Set(['true', 'yes', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'off']);

function coerce(input: Input, value: InputValue): InputValue {
  if (value === null) return null;
  switch (input.type) {
    case 'number': {
      if (typeof value === 'number') return value;
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (value.trim() === '') return null;
      const parsed = Number(value.trim());
      if (!Number.isFinite(parsed)) {
        throw new ConnectorError('MISSING_INPUT', `The input "${input.name}" must be a number, got ${JSON.stringify(value)}.`, {
          path: `inputs.${input.name}`,
          hint: `Give "${input.name}" a number such as 42 or 3.5.`,
        });
      }
      return parsed;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return value !== 0;
      const word = value.trim().toLowerCase();
      if (word === '') return null;
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      throw new ConnectorError('MISSING_INPUT', `The input "${input.name}" must be true or false, got ${JSON.stringify(value)}.`, {
        path: `inputs.${input.name}`,
        hint: `Give "${input.name}" true or false (yes/no and 1/0 work too).`,
      });
    }
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

const isBlank = (value: InputValue | undefined) => value === undefined || value === null || value === '';

export function resolveInputs(declared: readonly Input[], given: Record<string, InputValue>): Record<string, InputValue> {
  // Prototype-less: input names (and undeclared given names) are keys.
  const resolved: Record<string, InputValue> = Object.create(null);
  // Undeclared values pass through unchanged (the validator reports references to them).
  // Plain loops: this runs for every run of a batch (see scopeFor in runConnector.ts).
  for (const name in given) if (Object.hasOwn(given, name)) resolved[name] = given[name] as InputValue;
  const missing: Input[] = [];
  for (let i = 0; i < declared.length; i++) {
    const input = declared[i] as Input;
    const raw = Object.hasOwn(given, input.name) ? given[input.name] : undefined;
    const value = isBlank(raw) ? (input.default ?? null) : (raw as InputValue);
    const typed = coerce(input, value);
    if (input.required && isBlank(typed)) missing.push(input);
    resolved[input.name] = typed;
  }
  if (missing.length > 0) {
    const names = missing.map((input) => `"${input.name}"${input.label ? ` (${input.label})` : ''}`).join(', ');
    const first = missing[0] as Input;
    throw new ConnectorError('MISSING_INPUT', `The required input${missing.length > 1 ? 's' : ''} ${names} ${missing.length > 1 ? 'were' : 'was'} not given.`, {
      path: `inputs.${first.name}`,
      hint: `Fill ${missing.length > 1 ? 'them' : 'it'} in the run form, or pass --input ${first.name}=… on the command line.`,
    });
  }
  return resolved;
}
