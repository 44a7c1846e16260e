/** `My CRM lookup` → `my-crm-lookup.connector.json`; never a path, never empty. */
export const CONNECTOR_FILE_SUFFIX = '.connector.json';

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'connector';
}

export function isConnectorFileName(fileName: string): boolean {
  return fileName.endsWith(CONNECTOR_FILE_SUFFIX) && !fileName.startsWith('.') && !fileName.includes('/') && !fileName.includes('\\');
}

/** A file name for a new connector that does not clash with `taken`. */
export function uniqueConnectorFileName(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name);
  for (let n = 1; ; n += 1) {
    const candidate = `${base}${n === 1 ? '' : `-${n}`}${CONNECTOR_FILE_SUFFIX}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The cassette folder next to a connector file: `<slug>.cassettes/`. */
export function cassetteDirName(connectorFileName: string): string {
  return `${connectorFileName.slice(0, -CONNECTOR_FILE_SUFFIX.length)}.cassettes`;
}
