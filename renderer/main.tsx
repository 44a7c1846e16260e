// The page's entry, kept tiny on purpose: a module runs only once its whole static import graph
// is loaded and compiled, so with the app imported here the first screen's host calls waited for
// React, zod and core (~200 ms at page load). Here they go out as soon as this chunk and the
// startup chunk have loaded; the app itself is imported dynamically (its chunks are fetched in
// parallel all the same: scripts/startupChunks.mjs puts modulepreload links for them in the HTML).
import './app/startupCalls.js';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/controls.css';

void import('./mountApp.js');
