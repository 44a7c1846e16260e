/**
 * Decodes a whole response body that was read into memory: Content-Encoding undone (gzip,
 * deflate, br, as fetch would) with the decoded size capped, so a small compression bomb
 * fails instead of exhausting memory, then UTF-8 as fetch's text() reads it.
 */
import type { ZlibOptions, BrotliOptions } from 'node:zlib';
import { responseTooLarge } from '#core';

// TextDecoder, like fetch's text(): UTF-8, a leading BOM dropped, bad bytes as U+FFFD.
const utf8 = new TextDecoder();

type Decode = (input: Buffer, options: ZlibOptions & BrotliOptions, done: (error: Error | null, output: Buffer) => void) => void;

// node:zlib is loaded by the first compressed response (~3 ms of start-up CPU otherwise).
const zlib = () => process.getBuiltinModule('node:zlib');
const DECODERS: Record<string, () => Decode> = {
  gzip: () => zlib().gunzip,
  'x-gzip': () => zlib().gunzip,
  deflate: () => zlib().inflate,
  br: () => zlib().brotliDecompress,
};

/** `codings`: the response's, as contentCodings() read them. */
export async function decodeBody(raw: Buffer, codings: readonly string[], maxBytes: number, url: string): Promise<string> {
  let body = raw;
  // Codings are listed in the order they were applied: undone last first.
  for (let i = codings.length - 1; i >= 0; i--) {
    const decode = (DECODERS[codings[i] as string] as () => Decode)();
    body = await new Promise<Buffer>((resolve, reject) => {
      decode(body, { maxOutputLength: maxBytes }, (error, output) => {
        if (!error) return resolve(output);
        reject((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? responseTooLarge(maxBytes, url) : error);
      });
    });
  }
  return utf8.decode(body);
}
