// A TCP proxy in front of PostgreSQL that counts round trips per client application: every
// simple Query ('Q') and every extended-protocol Sync ('S') is one request the client waits
// on (ReadyForQuery) before it goes on. Connections are grouped by the application_name of
// their startup message. Bytes are relayed unchanged; only the client's side is parsed.
import net from 'node:net';

export async function startRoundTripCounter(targetHost, targetPort) {
  const counts = new Map();
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(client).add(upstream);
    client.on('close', () => { sockets.delete(client); upstream.destroy(); });
    upstream.on('close', () => { sockets.delete(upstream); client.destroy(); });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    upstream.pipe(client);
    let app = '';
    let started = false;
    let pending = Buffer.alloc(0);
    client.on('data', (chunk) => {
      upstream.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (!started) {
          if (pending.length < 8) return;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return;
          const code = pending.readInt32BE(4);
          if (code === 196608) {
            // Startup: key\0value\0 … pairs after the protocol version.
            const fields = pending.subarray(8, length).toString('utf8').split('\0');
            for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === 'application_name') app = fields[i + 1];
            started = true;
          }
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) return;
        const length = pending.readInt32BE(1) + 1;
        if (pending.length < length) return;
        const type = String.fromCharCode(pending[0]);
        if (type === 'Q' || type === 'S') counts.set(app, (counts.get(app) ?? 0) + 1);
        pending = pending.subarray(length);
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    /** Round trips so far per application_name ('' when a client set none). */
    counts: () => new Map(counts),
    reset: () => counts.clear(),
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
