import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { InputValue } from '#core';
import { CliError } from '../errors/CliError.js';
import { readJsonFile, readTextFile } from './readJsonFile.js';

export type Row = Record<string, InputValue>;

/**
 * Loads the rows of `run --data`: a CSV file whose header names are input names, or a
 * JSON array of objects. An empty CSV cell means "not given" (the input's default applies).
 */
export async function loadRows(path: string): Promise<Row[]> {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv' || extension === '.tsv') return parseCsvRows(await readTextFile(path, 'data'), path, extension === '.tsv' ? '\t' : ',');
  if (extension === '.json') return checkJsonRows(await readJsonFile(path, 'data'), path);
  throw new CliError(`Cannot tell the format of ${path}: --data takes a .csv file (header row = input names) or a .json array of objects.`);
}

export function parseCsvRows(text: string, path: string, delimiter = ','): Row[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, delimiter }) as Record<string, string>[];
  } catch (error) {
    throw new CliError(`${path} is not a valid CSV file: ${(error as Error).message}. The first line must name the inputs, e.g. \`phone,email\`.`);
  }
  return records.map((record) => {
    const row: Row = {};
    for (const [key, value] of Object.entries(record)) if (value !== '') row[key] = value;
    return row;
  });
}

export function checkJsonRows(value: unknown, path: string): Row[] {
  if (!Array.isArray(value)) {
    throw new CliError(`${path} must hold a JSON array of objects, one per run, e.g. [{ "phone": "+15551234567" }].`);
  }
  return value.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new CliError(`Row ${index + 1} of ${path} is not an object. Each row is an object of input name → value.`);
    }
    const row: Row = {};
    for (const [key, cell] of Object.entries(item as Record<string, unknown>)) {
      if (cell === undefined) continue;
      if (cell !== null && typeof cell !== 'string' && typeof cell !== 'number' && typeof cell !== 'boolean') {
        throw new CliError(`Row ${index + 1} of ${path}: "${key}" is ${Array.isArray(cell) ? 'an array' : 'an object'}. Input values are strings, numbers, booleans or null.`);
      }
      row[key] = cell;
    }
    return row;
  });
}
