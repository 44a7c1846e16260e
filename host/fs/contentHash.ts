import { createHash } from 'node:crypto';

/** The identity of a file's content: what `baseHash` compares and what the watcher uses to recognise our own writes. */
export function contentHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
