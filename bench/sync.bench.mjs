// Sync (issue #5) through the real desktop host: two app instances (host services with the
// account extension, real workspace folders, supabase-js) and the local gateway on PGlite
// (or PostgreSQL with DATABASE_URL). Measures the first sync of a 1,000-connector workspace
// (upload from A, download into B: wall time, requests, rows) and what an incremental sync
// of one change costs (requests, rows). Printed, not asserted.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { report } from './lib/report.mjs';

const COUNT = Number(process.env.BENCH_SYNC_CONNECTORS ?? 1000);
const gateway = await tsImport('../tests/supabase-gateway/index.ts', import.meta.url);
const { createHostServices } = await tsImport('../host/api/createHostServices.ts', import.meta.url);
const { accountExtension } = await tsImport('../host/account/accountExtension.ts', import.meta.url);

const supa = await gateway.startLocalSupabase();
const user = await gateway.createUser(supa.db, 'bench@example.com', 'bench-password');
const workspaceId = await gateway.createWorkspace(supa.db, 'Bench', user.id);
const temp = await mkdtemp(join(tmpdir(), 'cs-sync-bench-'));

async function app(name) {
  const workspaceDir = join(temp, `${name}-workspace`);
  await import('node:fs/promises').then((fs) => fs.mkdir(workspaceDir));
  // No timers: the bench decides when to sync.
  const services = await createHostServices({ userDataDir: join(temp, `${name}-user`), extensions: [accountExtension({ syncIntervalMs: 0, localCheckMs: 0 })] });
  await services.api.workspace.open({ path: workspaceDir });
  await services.api.settings.update({ supabaseUrl: supa.url, supabaseAnonKey: supa.anonKey });
  await services.api.account.signIn({ email: user.email, password: user.password });
  await services.api.account.selectWorkspace({ workspaceId });
  await services.api.sync.now(); // settles the sync that linking starts
  return { services, workspaceDir };
}

async function measure(work) {
  const requests = supa.stats.requests;
  const started = performance.now();
  const result = await work();
  return { result, requests: supa.stats.requests - requests, ms: performance.now() - started };
}

const serverRows = async () => (await supa.db.query(`select count(*)::int as n from connectors where workspace_id = $1`, [workspaceId])).rows[0].n;

try {
  const a = await app('a');
  const b = await app('b');
  for (let i = 0; i < COUNT; i++) {
    const id = `connector-${String(i).padStart(4, '0')}`;
    const doc = { schemaVersion: 2, id, name: `Connector ${i}`, steps: [{ id: 'lookup', url: `https://api.example.com/${i}/{{email}}`, outputs: [{ name: 'id', path: '$.id' }] }], edges: [], inputs: [{ name: 'email', type: 'email' }] };
    await writeFile(join(a.workspaceDir, `${id}.connector.json`), `${JSON.stringify(doc, null, 2)}\n`);
  }

  const upload = await measure(() => a.services.api.sync.now());
  if (upload.result.state !== 'synced') throw new Error(`upload ended ${JSON.stringify(upload.result)}`);
  const rows = await serverRows();
  const download = await measure(() => b.services.api.sync.now());
  const downloaded = (await b.services.api.connectors.list()).length;
  if (downloaded !== COUNT) throw new Error(`B has ${downloaded} connectors, expected ${COUNT}`);
  console.log(`backend ${supa.db.backend}; upload ${upload.requests} requests, ${rows} rows, ${upload.ms.toFixed(0)} ms; download ${download.requests} requests, ${downloaded} files, ${download.ms.toFixed(0)} ms`);

  // One change made on disk in A, synced to the server and into B.
  const file = join(a.workspaceDir, 'connector-0007.connector.json');
  await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), description: 'changed once' }, null, 2));
  const changeStarted = Date.now();
  const push = await measure(() => a.services.api.sync.now());
  const pull = await measure(() => b.services.api.sync.now());
  // The log is newest first and capped; count B's pulls since the change.
  const pulledRows = (await b.services.api.sync.log()).filter((entry) => entry.direction === 'pull' && entry.at >= changeStarted).length;
  const inB = await b.services.api.connectors.get({ id: 'connector-0007' });
  if (inB.connector.description !== 'changed once') throw new Error('the change did not reach B');

  report({ metric: `first sync, upload of ${COUNT} connectors (wall)`, value: Math.round(upload.ms), unit: 'ms' });
  report({ metric: `first sync, upload requests / rows`, value: upload.requests, unit: `requests, ${rows} rows` });
  report({ metric: `first sync, download of ${COUNT} into a new folder (wall)`, value: Math.round(download.ms), unit: 'ms' });
  report({ metric: 'first sync, download requests', value: download.requests, unit: 'requests' });
  report({ metric: 'one change: requests (push A + pull B)', value: push.requests + pull.requests, unit: `requests (${push.requests} + ${pull.requests})` });
  report({ metric: 'one change: rows pulled by B', value: pulledRows, unit: 'rows' });
  await a.services.close();
  await b.services.close();
} finally {
  await supa.close();
  await rm(temp, { recursive: true, force: true });
}
