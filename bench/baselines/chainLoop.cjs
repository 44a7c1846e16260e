// The loop both hand-written baselines share: the same 3 sequential requests per row
// (search contact by phone → get contact → get company) with manual field access (no
// JSONPath, no templates, no validation), printing one JSON line per row and a summary
// like `connector-studio run --data --json` does. Only `getJson` (the HTTP client) differs.
//   argv: <baseUrl> <rows.csv> <token> [as-the-cli-sends]
// With `as-the-cli-sends`, every request carries the headers the CLI's transport sends
// (host/http/outgoingHeaders.ts: fetch's defaults), so both put the same requests on the wire;
// cli.bench.mjs checks that the server received the same headers from both.
// CommonJS, as are both loops: an ES module that imports a built-in costs ~60 ms more to start
// (measured: `import http from 'node:http'` 100–150 ms of CPU, `require('node:http')` 40 ms), which
// would make the baseline slower than the physical limit it stands for.
const { readFileSync } = require('node:fs');

async function runChainLoop(createGetJson) {
  const [baseUrl, rowsPath, token, headerSet] = process.argv.slice(2);
  const phones = readFileSync(rowsPath, 'utf8').trim().split('\n').slice(1).map((line) => line.trim());
  const getJson = createGetJson(headerSet === 'as-the-cli-sends'
    ? { authorization: `Bearer ${token}`, accept: '*/*', 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'connector-studio' }
    : { authorization: `Bearer ${token}`, accept: 'application/json' });

  const startedAt = performance.now();
  let succeeded = 0;
  let failed = 0;
  for (let i = 0; i < phones.length; i++) {
    const rowStart = performance.now();
    try {
      const search = await getJson(`${baseUrl}/contacts/search?phone=${encodeURIComponent(phones[i])}`);
      const contactId = search.results?.[0]?.id ?? null;
      const contact = await getJson(`${baseUrl}/contacts/${encodeURIComponent(contactId)}`);
      const companyId = contact.companyId ?? null;
      const company = companyId === null ? null : await getJson(`${baseUrl}/companies/${encodeURIComponent(companyId)}`);
      succeeded++;
      process.stdout.write(`${JSON.stringify({ row: i + 1, status: 'success', contact: { first_name: contact.properties?.firstname ?? null, company: company?.name ?? null }, durationMs: Math.round(performance.now() - rowStart) })}\n`);
    } catch (error) {
      failed++;
      process.stdout.write(`${JSON.stringify({ row: i + 1, status: 'failed', error: String(error) })}\n`);
    }
  }
  process.stdout.write(`${JSON.stringify({ summary: { total: phones.length, succeeded, failed, durationMs: Math.round(performance.now() - startedAt) } })}\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

module.exports = { runChainLoop };
