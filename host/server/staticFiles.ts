/** Serves the built renderer (dist/renderer/) without ever leaving that folder. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** A build output whose name carries its content hash: the same URL never changes content. */
  immutable: boolean;
}

/** Vite's output names: assets/<name>-<8-character hash>.<ext>. */
const CONTENT_HASHED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/** The file for a URL path, index.html for `/` and extension-less app routes, undefined otherwise. */
export async function resolveStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | undefined> {
  const root = resolve(rootDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const wanted = decoded === '/' || extname(decoded) === '' ? '/index.html' : decoded;
  const full = resolve(root, `.${normalize(wanted)}`);
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  try {
    if (!(await stat(full)).isFile()) return undefined;
    return { body: await readFile(join(full)), contentType: CONTENT_TYPES[extname(full)] ?? 'application/octet-stream', immutable: CONTENT_HASHED.test(wanted) };
  } catch {
    return undefined;
  }
}
