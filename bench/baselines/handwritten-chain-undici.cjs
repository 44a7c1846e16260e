// The same hand-written loop over undici's dispatcher (Agent#dispatch with a handler, no
// streams): the HTTP client the CLI uses (host/http/createUndiciTransport.ts), so CLI / this loop
// is the engine's own overhead. Loaded from node_modules as it is, so it pays ~100 ms more to
// start than the CLI's bundled copy: the bench runs it over the long batch only.
//   node handwritten-chain-undici.cjs <baseUrl> <rows.csv> <token>
const { join } = require('node:path');
const Agent = require(join(__dirname, '../../node_modules/undici/lib/dispatcher/agent.js'));
const { runChainLoop } = require('./chainLoop.cjs');

const agent = new Agent();

void runChainLoop((headers) => (url) => new Promise((resolve, reject) => {
  const { origin, pathname, search } = new URL(url);
  const chunks = [];
  let status = 0;
  agent.dispatch({ origin, path: `${pathname}${search}`, method: 'GET', headers }, {
    // undici takes a handler with onRequestStart as one of its current (controller) API.
    onRequestStart() {},
    onResponseStart(_controller, statusCode) {
      status = statusCode;
    },
    onResponseData(_controller, chunk) {
      chunks.push(chunk);
    },
    onResponseEnd() {
      if (status !== 200) return reject(new Error(`${url} answered ${status}`));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    },
    onResponseError(_controller, error) {
      reject(error);
    },
  });
})).finally(() => agent.close());
