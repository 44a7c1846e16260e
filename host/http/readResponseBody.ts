/**
 * Reads a node:http response body with the transport's size cap: a declared Content-Length
 * over the cap fails before reading, and the (decompressed) text stops as soon as it passes
 * the cap, so neither a huge body nor a compression bomb can exhaust memory. gzip, deflate
 * and br are decoded by node:zlib, as fetch would.
 *
 * Plain 'data'/'end' events rather than `for await`: the async iterator wraps every body in
 * end-of-stream bookkeeping that costs more than reading a small JSON answer.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { responseTooLarge } from '#core';
import { contentCodings } from './contentCodings.js';

// node:zlib is loaded by the first compressed response (~3 ms of start-up CPU otherwise).
const zlib = () => process.getBuiltinModule('node:zlib');
const DECODERS: Record<string, () => Transform> = {
  gzip: () => zlib().createGunzip(),
  'x-gzip': () => zlib().createGunzip(),
  deflate: () => zlib().createInflate(),
  br: () => zlib().createBrotliDecompress(),
};

// TextDecoder, like fetch's text(): UTF-8, a leading BOM dropped, bad bytes as U+FFFD.
const utf8 = new TextDecoder();

function decoded(response: IncomingMessage, header: string | undefined, url: string): Readable {
  let codings: readonly string[];
  try {
    codings = contentCodings(header, url);
  } catch (error) {
    response.destroy();
    throw error;
  }
  if (codings.length === 0) return response;
  let stream: Readable = response;
  for (const coding of [...codings].reverse()) {
    const source = stream;
    const decoder = (DECODERS[coding] as () => Transform)();
    // pipe() doesn't forward errors: a reset connection must still end the read with an error.
    source.on('error', (error) => decoder.destroy(error));
    stream = source.pipe(decoder);
  }
  return stream;
}

/** What a body that stopped before its end is reported as (the socket's own word for it). */
function cutOff(url: string): Error {
  return Object.assign(new Error(`the connection closed before the response from ${url} was complete`), { code: 'ECONNRESET' });
}

/** `headers`: the response's headers, lower-cased (the caller has already read them once). */
export function readResponseBody(response: IncomingMessage, headers: Record<string, string>, maxBytes: number, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.destroy();
      return reject(responseTooLarge(maxBytes, url));
    }
    let body: Readable;
    try {
      body = decoded(response, headers['content-encoding'], url);
    } catch (error) {
      return reject(error);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      body.destroy();
      response.destroy();
      reject(error);
    };
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) return fail(responseTooLarge(maxBytes, url));
      chunks.push(chunk);
    });
    body.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(utf8.decode(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    });
    body.on('error', fail);
    // 'close' without 'end': the body was cut off (an 'error' usually comes first and wins).
    body.on('close', () => {
      if (!settled) fail(cutOff(url));
    });
  });
}
