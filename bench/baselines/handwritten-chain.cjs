// The hand-written baseline of the chain benchmark: plain fetch (the yardstick).
//   node handwritten-chain.cjs <baseUrl> <rows.csv> <token>
const { runChainLoop } = require('./chainLoop.cjs');

void runChainLoop((headers) => async (url) => {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
});
