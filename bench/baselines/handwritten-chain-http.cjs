// The same hand-written loop over node:http with a keep-alive agent: the HTTP client the CLI
// itself uses, so CLI / this loop is the engine's own overhead (templates, auth, JSONPath,
// validation, rate limiting, redaction, records and start-up).
//   node handwritten-chain-http.cjs <baseUrl> <rows.csv> <token>
const http = require('node:http');
const { runChainLoop } = require('./chainLoop.cjs');

const agent = new http.Agent({ keepAlive: true });

void runChainLoop((headers) => (url) => new Promise((resolve, reject) => {
  const request = http.get(url, { headers, agent }, (response) => {
    const chunks = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('error', reject);
    response.on('end', () => {
      if (response.statusCode !== 200) return reject(new Error(`${url} answered ${response.statusCode}`));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
  });
  request.on('error', reject);
}));
