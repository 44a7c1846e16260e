/**
 * Reads an OpenAPI 3.0/3.1 or Swagger 2.0 spec (JSON or YAML, a file or pasted text) into one
 * dereferenced object for core/openapi. The spec is untrusted:
 *
 * - `$ref`s to other files resolve only inside the spec's own folder (symlinks followed, then
 *   checked); a pasted spec may refer to nothing outside itself;
 * - remote `$ref`s (http/https) are fetched only with `allowRemoteRefs`;
 * - size, nesting, YAML aliases, the number of referenced documents and time are capped;
 *   circular schemas stay as `$ref`s that the mapping never follows.
 *
 * `@apidevtools/json-schema-ref-parser` bundles external references through our resolvers, then
 * `@readme/openapi-parser` validates (its problems become warnings: real specs often break a rule
 * and still import well) and dereferences the bundled, now self-contained document.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve as resolvePath, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import $RefParser, { type FileInfo } from '@apidevtools/json-schema-ref-parser';
import { dereference, validate } from '@readme/openapi-parser';
import { ConnectorError, type SpecObject } from '#core';
import { parseSpecText } from './parseSpecText.js';
import { SPEC_LIMITS } from './specLimits.js';

export type SpecSource = { kind: 'file'; path: string } | { kind: 'text'; text: string };

export interface LoadSpecOptions {
  /** Fetch `$ref`s to http(s) URLs (off by default: a spec must not make the app call out). */
  allowRemoteRefs?: boolean;
  fetch?: typeof fetch;
}

export interface LoadedSpec {
  spec: SpecObject;
  /** Validation problems of the spec, in the parser's words (the import still works). */
  warnings: string[];
}

const refused = (message: string, hint: string) => new ConnectorError('INVALID_DOCUMENT', message, { hint });

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

interface ReadBudget {
  bytes: number;
  documents: number;
  /** The first refusal of a resolver: ref-parser rewraps it in its own words, we report ours. */
  refusal?: ConnectorError;
}

async function guarded<T>(budget: ReadBudget, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConnectorError) budget.refusal ??= error;
    throw error;
  }
}

function charge(budget: ReadBudget, bytes: number, what: string): void {
  budget.documents += 1;
  budget.bytes += bytes;
  if (budget.documents > SPEC_LIMITS.maxExternalDocuments) throw refused(`The spec refers to more than ${SPEC_LIMITS.maxExternalDocuments} other documents.`, 'Bundle it into one file first.');
  if (bytes > SPEC_LIMITS.maxDocumentBytes || budget.bytes > SPEC_LIMITS.maxTotalBytes) throw refused(`${what} makes the spec larger than the importer accepts.`, 'Import a smaller spec.');
}

function localResolver(folder: string | null, budget: ReadBudget) {
  return {
    order: 1,
    canRead: (file: FileInfo) => !/^https?:/i.test(file.url),
    read: (file: FileInfo): Promise<string> => guarded(budget, async () => {
      if (folder === null) throw refused(`A pasted spec cannot refer to other files (${file.reference ?? file.url}).`, 'Import the spec from its file instead, so that files next to it can be read.');
      let path: string;
      try {
        path = file.url.startsWith('file:') ? fileURLToPath(file.url) : resolvePath(file.url);
        path = await realpath(path);
      } catch {
        throw refused(`The spec refers to ${file.reference ?? file.url}, which does not exist.`, 'Put the referenced file next to the spec, or fix the $ref.');
      }
      if (!isInside(folder, path)) throw refused(`The spec refers to ${file.reference ?? file.url}, outside its own folder; the importer reads no files there.`, 'Copy the referenced file into the spec\'s folder, or bundle the spec into one file.');
      const info = await stat(path);
      charge(budget, info.size, file.reference ?? 'A referenced file');
      return readFile(path, 'utf8');
    }),
  };
}

function remoteResolver(allow: boolean, budget: ReadBudget, fetchFn: typeof fetch) {
  return {
    order: 2,
    canRead: /^https?:/i,
    read: (file: FileInfo): Promise<string> => guarded(budget, async () => {
      if (!allow) throw refused(`The spec refers to ${file.url}, a remote document; it was not fetched.`, 'Allow remote references if you trust that address, or bundle the spec into one file.');
      const response = await fetchFn(file.url, { signal: AbortSignal.timeout(SPEC_LIMITS.remoteTimeoutMs), redirect: 'follow' });
      if (!response.ok) throw refused(`Fetching ${file.url} answered HTTP ${response.status}.`, 'Check the address in the $ref.');
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > SPEC_LIMITS.maxDocumentBytes) throw refused(`${file.url} is larger than the importer accepts.`, 'Import a smaller spec.');
      const text = await response.text();
      charge(budget, Buffer.byteLength(text), file.url);
      return text;
    }),
  };
}

/** Our YAML/JSON parser for referenced documents too, so the same caps apply to them. */
const specParser = { order: 1, canParse: true, parse: (file: FileInfo) => parseSpecText(typeof file.data === 'string' ? file.data : file.data.toString('utf8'), file.url) };

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(refused(`Reading the spec took longer than ${SPEC_LIMITS.timeoutMs / 1000} s.`, 'The spec or what it refers to is too large or too slow to fetch.')), SPEC_LIMITS.timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function asUserError(error: unknown, budget: ReadBudget): ConnectorError {
  if (budget.refusal) return budget.refusal;
  if (error instanceof ConnectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return refused(`The spec's references cannot be resolved: ${message.split('\n')[0]}`, 'Check each $ref points at something that exists in the spec or next to it.');
}

export async function loadOpenApiSpec(source: SpecSource, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  const budget: ReadBudget = { bytes: 0, documents: 0 };
  let text: string;
  let folder: string | null = null;
  let rootUrl: string;
  if (source.kind === 'file') {
    let path: string;
    try {
      path = await realpath(source.path);
      const info = await stat(path);
      if (!info.isFile()) throw new Error('not a file');
      if (info.size > SPEC_LIMITS.maxDocumentBytes) throw refused(`${source.path} is larger than ${SPEC_LIMITS.maxDocumentBytes / 1024 / 1024} MB.`, 'Import a smaller spec, or split it.');
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      throw refused(`Cannot read ${source.path}: no such file.`, 'Check the path of the spec.');
    }
    text = await readFile(path, 'utf8');
    folder = dirname(path);
    rootUrl = path;
  } else {
    text = source.text;
    // A base no file lives under: relative $refs resolve against it and are refused.
    rootUrl = pathToFileURL(resolvePath('/', '__pasted_openapi_spec__', 'spec.yaml')).href;
  }
  const where = source.kind === 'file' ? source.path : 'The pasted spec';
  const root = parseSpecText(text, where);
  if (root === null || typeof root !== 'object' || Array.isArray(root) || (typeof (root as SpecObject).openapi !== 'string' && typeof (root as SpecObject).swagger !== 'string')) {
    throw refused(`${where} is not an OpenAPI or Swagger document (it has no "openapi" or "swagger" field).`, 'Import an OpenAPI 3.x or Swagger 2.0 spec in JSON or YAML.');
  }
  const version = String((root as SpecObject).openapi ?? (root as SpecObject).swagger);
  if (!/^(2\.0|3\.[01])(\.|$)/.test(version)) throw refused(`${where} is version ${version}; the importer reads Swagger 2.0 and OpenAPI 3.0 and 3.1.`, 'Convert the spec to OpenAPI 3.x.');

  const fetchFn = options.fetch ?? fetch;
  const bundled = await withTimeout(
    new $RefParser().bundle(rootUrl, root as never, {
      resolve: { file: false, http: false, local: localResolver(folder, budget), remote: remoteResolver(options.allowRemoteRefs === true, budget, fetchFn) } as never,
      parse: { json: false, yaml: false, text: false, binary: false, spec: specParser } as never,
      continueOnError: false,
    }),
  ).catch((error: unknown) => {
    throw asUserError(error, budget);
  });

  const warnings: string[] = [];
  try {
    const result = await validate(structuredClone(bundled) as never, { resolve: { external: false } });
    if (!result.valid) warnings.push(...result.errors.slice(0, 5).map((e) => e.message.split('\n')[0]!));
  } catch (error) {
    warnings.push((error as Error).message.split('\n')[0]!);
  }
  const spec = await withTimeout(dereference(bundled as never, { resolve: { external: false }, dereference: { circular: 'ignore' } })).catch((error: unknown) => {
    throw asUserError(error, budget);
  });
  return { spec: spec as unknown as SpecObject, warnings };
}
