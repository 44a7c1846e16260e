/**
 * Coercions a field mapping may ask for. Each returns `undefined` when the value can't
 * sensibly become that type, so a bad value never overwrites a good contact field.
 */
import type { FieldMapping } from '../schema/connector.js';

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off']);
/** Below this a number is taken as Unix seconds (APIs such as Stripe), above as milliseconds. */
const SECONDS_THRESHOLD = 100_000_000_000;

function toText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function coerceValue(value: unknown, coerce: FieldMapping['coerce']): unknown {
  switch (coerce) {
    case 'none':
      return value;
    case 'string':
      return toText(value);
    case 'number': {
      if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value !== 'string' || value.trim() === '') return undefined;
      const parsed = Number(value.trim().replace(/,(?=\d{3}\b)/g, ''));
      return Number.isFinite(parsed) ? parsed : undefined;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return value !== 0;
      const word = toText(value).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      return undefined;
    }
    case 'date': {
      let date: Date;
      if (typeof value === 'number') date = new Date(Math.abs(value) < SECONDS_THRESHOLD ? value * 1000 : value);
      else if (typeof value === 'string' && /^\d+$/.test(value.trim())) return coerceValue(Number(value.trim()), 'date');
      else if (typeof value === 'string') date = new Date(value);
      else return undefined;
      return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
    }
  }
}
