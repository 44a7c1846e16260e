// The hand-written baseline of the chain benchmark: plain fetch (the yardstick).
//   node handwritten-chain.mjs <baseUrl> <rows.csv> <token>
import { runChainLoop } from './chainLoop.mjs';

await runChainLoop((headers) => async (url) => {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
});
