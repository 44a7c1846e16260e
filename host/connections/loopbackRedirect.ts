/**
 * RFC 8252 §7.3: the redirect lands on `http://127.0.0.1:<random port>/callback`, a listener that
 * lives for one sign-in. It answers the browser tab with a short page and hands the query over.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRedirect {
  redirectUri: string;
  /** The query of the first request to /callback. */
  query: Promise<URLSearchParams>;
  close(): Promise<void>;
}

const page = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font:16px system-ui;margin:3rem"><h1>${title}</h1><p>${text}</p></body>`;

export async function listenForRedirect(): Promise<LoopbackRedirect> {
  let deliver: (query: URLSearchParams) => void = () => {};
  const query = new Promise<URLSearchParams>((resolve) => { deliver = resolve; });
  let answered = false;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/callback' || answered) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    answered = true;
    const failed = url.searchParams.has('error');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
    res.end(failed ? page('Not connected', 'The provider did not grant access. Go back to Connector Studio to see why.') : page('Connected', 'You can close this tab and go back to Connector Studio.'));
    deliver(url.searchParams);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    query,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
