/**
 * Decodes a whole response body that was read into memory: Content-Encoding undone (gzip,
 * deflate, br, as fetch would) with the decoded size capped, so a small compression bomb
 * fails instead of exhausting memory, then UTF-8 as fetch's text() reads it.
 */
import type { ZlibOptions, BrotliOptions } from 'node:zlib';
import { responseTooLarge } from '#core';
import { parseContentCodings } from './contentCodings.js';

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

/** True when the header names a coding this app cannot undo (or too many of them). */
export function unsupportedEncoding(header: string): boolean {
  const codings = parseContentCodings(header);
  return codings === undefined || codings.some((coding) => !DECODERS[coding]);
}

export async function decodeBody(raw: Buffer, header: string | undefined, maxBytes: number, url: string): Promise<string> {
  const codings = header === undefined ? [] : (parseContentCodings(header) ?? []);
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
