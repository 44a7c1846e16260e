/**
 * The official templates: each validates, passes its stored tests offline (mock and replay
 * from the committed cassettes), declares a slot for every credential it uses, and no file
 * under resources/templates holds a secret or a sandbox credential value.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_TOKEN_FORMATS, TemplateManifestSchema, manifestFromConnector, publishCheck, referencedCredentialNames, runTestCases, validateConnector, type Connector } from '#core';
import { SANDBOX_CREDENTIALS, SANDBOX_SALESFORCE_ACCESS_TOKEN } from '../fixtures/sandbox/credentials.js';

const dir = resolve(import.meta.dirname, '../../resources/templates');
const templateFiles = readdirSync(dir).filter((f) => f.endsWith('.connector.json')).sort();

function allFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

function load(file: string): Connector {
  const result = validateConnector(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (!result.ok || !result.connector) throw new Error(`${file}: ${JSON.stringify(result.issues)}`);
  return result.connector;
}

describe('official templates', () => {
  it('ships at least six, covering the seed\'s examples', () => {
    expect(templateFiles.length).toBeGreaterThanOrEqual(6);
    expect(templateFiles).toEqual(expect.arrayContaining([
      'phone-number-enrichment.connector.json', 'zerobounce-email-validation.connector.json', 'clearbit-company-data.connector.json',
      'hubspot-contact-sync.connector.json', 'salesforce-lead-enrichment.connector.json', 'contact-360-enrichment.connector.json',
    ]));
  });

  describe.each(templateFiles)('%s', (file) => {
    it('validates with no issues at all', () => {
      const result = validateConnector(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      expect(result.issues).toEqual([]);
      expect(result.ok).toBe(true);
    });

    it('declares a credential slot (label, help, URL) for every credential it uses, and sends none literally', () => {
      const connector = load(file);
      const used = referencedCredentialNames({ auth: connector.auth, steps: connector.steps });
      expect(used.length).toBeGreaterThan(0);
      expect(connector.credentials.map((c) => c.name).sort()).toEqual([...used].sort());
      for (const slot of connector.credentials) {
        expect(slot.label).not.toBe('');
        expect(slot.help ?? '').not.toBe('');
        expect(slot.url).toMatch(/^https:\/\//);
      }
    });

    it('is a valid template manifest and passes the publish check', () => {
      const connector = load(file);
      const manifest = manifestFromConnector(connector, { slug: file.replace('.connector.json', '') });
      expect(TemplateManifestSchema.safeParse(manifest).success).toBe(true);
      const check = publishCheck(connector);
      expect(check.findings).toEqual([]);
      expect(check.ok).toBe(true);
    });

    it('has mock and replay tests with real expectations, and they pass offline', async () => {
      const connector = load(file);
      expect(connector.tests.some((t) => t.mode === 'mock')).toBe(true);
      expect(connector.tests.filter((t) => t.mode === 'replay').length).toBeGreaterThanOrEqual(2);
      for (const test of connector.tests) {
        expect(test.expect.status).toBeDefined();
        expect(Object.keys(test.expect.steps).length).toBeGreaterThan(0);
      }
      // At least one test per template checks mapped contact fields.
      expect(connector.tests.some((t) => Object.keys(t.expect.contact).length >= 3)).toBe(true);
      const loaded: string[] = [];
      const results = await runTestCases(connector, {
        loadCassette: async (path) => {
          loaded.push(path);
          return JSON.parse(readFileSync(join(dir, path), 'utf8'));
        },
      });
      expect(results.map((r) => ({ name: r.name, mismatches: r.mismatches }))).toEqual(connector.tests.map((t) => ({ name: t.name, mismatches: [] })));
      expect(loaded.length).toBe(connector.tests.filter((t) => t.mode === 'replay').length);
    });

    it('sends every request to a base URL the user (or a sandbox) can change', () => {
      const connector = load(file);
      const urlInputs = new Set(connector.inputs.filter((i) => i.type === 'url').map((i) => i.name));
      for (const step of connector.steps) expect(urlInputs.has(/^\{\{(\w+)\}\}/.exec(step.url)?.[1] ?? '')).toBe(true);
    });
  });
});

describe('no secret in any template file', () => {
  const files = allFiles(dir);
  const sandboxValues = [...Object.values(SANDBOX_CREDENTIALS), SANDBOX_SALESFORCE_ACCESS_TOKEN];

  it('covers the cassettes too', () => {
    expect(files.filter((f) => f.includes('.cassettes/')).length).toBeGreaterThanOrEqual(12);
  });

  it.each(files.map((f) => relative(dir, f)))('%s holds no sandbox credential value and no known token format', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const value of sandboxValues) {
      expect(text.includes(value), `${name} contains a sandbox credential value`).toBe(false);
      expect(text.includes(encodeURIComponent(value)), `${name} contains a URL-encoded sandbox credential value`).toBe(false);
      expect(text.includes(Buffer.from(value).toString('base64')), `${name} contains a base64 sandbox credential value`).toBe(false);
    }
    for (const format of KNOWN_TOKEN_FORMATS) expect(format.pattern.test(text), `${name} contains ${format.label}`).toBe(false);
  });

  it('would notice a planted credential value (the scan can fail)', () => {
    const text = readFileSync(join(dir, 'zerobounce-email-validation.cassettes/valid.json'), 'utf8');
    const planted = text.replace('{{credentials.zerobounce_api_key}}', SANDBOX_CREDENTIALS.zerobounce_api_key);
    expect(planted).not.toBe(text);
    expect(sandboxValues.some((v) => planted.includes(v))).toBe(true);
  });
});
