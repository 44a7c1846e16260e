/**
 * Run ids for the CLI's runs. core's default is a random UUID from Web Crypto, and the first
 * `globalThis.crypto` of a process loads Node's webcrypto modules (~5 ms of a 1-row run under
 * --cpu-prof). A CLI run id is never printed, stored or sent (the reports and --json leave it
 * out; a --record cassette names the connector): it only has to be unique within the process.
 */
const prefix = `cli-${process.pid.toString(36)}-${Date.now().toString(36)}`;
let count = 0;

export function nextRunId(): string {
  count += 1;
  return `${prefix}-${count}`;
}
