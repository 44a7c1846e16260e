/**
 * The official templates shipped with the app, read from one folder of
 * `<slug>.connector.json` files with their cassettes in `<slug>.cassettes/` and the
 * environments they declare in `<slug>.environments.json` (the workspace file's format).
 * A file that does not load is skipped with a warning: one broken template must not
 * empty the marketplace.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { manifestFromConnector, parseDocumentJson, TemplateEnvironmentsSchema, validateConnector, type Logger, type TemplateEnvironment, type TemplateManifest, isCassette, type Cassette } from '#core';

const SUFFIX = '.connector.json';
const ENVIRONMENTS_SUFFIX = '.environments.json';

/** `{ "environments": { … } }` beside the template, or none when there is no such file. */
async function readDeclaredEnvironments(path: string): Promise<Record<string, TemplateEnvironment>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {};
  }
  return z.object({ environments: TemplateEnvironmentsSchema }).parse(parseDocumentJson(text)).environments;
}

export interface BuiltinTemplate {
  manifest: TemplateManifest;
  /** Cassettes by the path the template's tests use (`<slug>.cassettes/found.json`). */
  loadCassettes(): Promise<Record<string, Cassette>>;
}

/** Reads a file the template's tests refer to, refusing paths that leave the folder. */
async function readInside(dir: string, path: string): Promise<unknown> {
  const full = resolve(dir, path);
  const rel = relative(dir, full);
  if (rel.startsWith('..') || rel.includes(`..${sep}`) || resolve(full) === resolve(dir)) throw new Error(`${path} is outside the template folder`);
  return parseDocumentJson(await readFile(full, 'utf8'));
}

export async function loadBuiltinTemplates(dir: string, logger?: Logger): Promise<BuiltinTemplate[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(SUFFIX)).sort();
  } catch (error) {
    logger?.warn('built-in templates folder unreadable', { dir, error: String(error) });
    return [];
  }
  const templates: BuiltinTemplate[] = [];
  for (const name of names) {
    const slug = name.slice(0, -SUFFIX.length);
    try {
      const result = validateConnector(parseDocumentJson(await readFile(join(dir, name), 'utf8')));
      if (!result.ok || !result.connector) throw new Error(result.issues.map((i) => i.message).join('; '));
      const environments = await readDeclaredEnvironments(join(dir, `${slug}${ENVIRONMENTS_SUFFIX}`));
      const manifest = manifestFromConnector(result.connector, { slug, author: 'Connector Studio', origin: 'official', environments });
      templates.push({
        manifest,
        async loadCassettes() {
          const cassettes: Record<string, Cassette> = {};
          for (const test of manifest.connector.tests) {
            if (test.mode !== 'replay' || !test.cassette || cassettes[test.cassette]) continue;
            const value = await readInside(dir, test.cassette).catch(() => undefined);
            if (isCassette(value)) cassettes[test.cassette] = value;
          }
          return cassettes;
        },
      });
    } catch (error) {
      logger?.warn('built-in template skipped', { file: name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return templates;
}
