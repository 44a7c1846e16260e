/**
 * Reads a response body as a stream and stops as soon as it passes the cap, so a huge
 * or endless body cannot exhaust memory (a declared Content-Length over the cap fails
 * before reading anything).
 */
import { responseTooLarge } from '#core';

export async function readBodyCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw responseTooLarge(maxBytes, url);
  }
  if (!response.body) return '';
  // A declared length under the cap bounds the body (HTTP/1.1 framing) unless it is compressed:
  // then the runtime's own reader is cheaper than a JS read loop, and decodes the same way.
  const encoding = response.headers.get('content-encoding');
  if (Number.isFinite(declared) && response.headers.has('content-length') && (encoding === null || encoding.trim().toLowerCase() === 'identity')) {
    return response.text();
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw responseTooLarge(maxBytes, url);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
