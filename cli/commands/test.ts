import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { runTestCases, type TestCaseResult } from '#core';
import { parseCommandArgs } from '../args/parseCommandArgs.js';
import { CliError, isCliError, usageError } from '../errors/CliError.js';
import { loadCassetteFile } from '../io/createTransport.js';
import { loadConnectorFile } from '../io/loadConnectorFile.js';
import { readEnvironments } from '../../host/environments/environmentsFile.js';
import { formatMs } from '../output/formatRunReport.js';
import type { CommandContext } from './context.js';

export const TEST_HELP = `Usage: connector-studio test <file|dir> [--json]

Runs the test cases stored in a connector's "tests" list, offline: "mock" cases use each
step's mock response, "replay" cases a cassette (its path is relative to the connector file).
No credentials are needed. A case's environment (its "environment", else the one its cassette
was recorded in) is shown; {{env.x}} takes that environment's non-secret values from the
environments.json next to the connector file, else stands for itself, as replay matches it.

Given a directory, tests every *.connector.json file in it and its subfolders
(node_modules and dot-folders skipped). Interchange files carry no test cases.

Options:
  --json       one JSON object per test case, then a {"summary": …} line
  -h, --help   show this help

Exit codes: 0 all cases passed, 1 a case failed or a connector is invalid, 2 bad usage.
`;

const CONNECTOR_SUFFIX = '.connector.json';

interface FileOutcome {
  file: string;
  results: TestCaseResult[];
  /** The file could not be loaded. */
  error?: string;
}

export async function testCommand(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('test', args, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const);
  if (values.help) {
    context.terminal.out(TEST_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw usageError(`test takes one connector file or directory, got ${positionals.length}.`, 'test');
  const target = positionals[0] as string;
  const files = await connectorFilesIn(target);
  const single = files.length === 1 && files[0] === target;

  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    if (context.signal.aborted) break;
    const outcome = await testFile(file, single);
    outcomes.push(outcome);
    if (values.json) {
      for (const result of outcome.results) context.terminal.out(`${JSON.stringify(toJsonCase(file, result))}\n`);
      if (outcome.error) context.terminal.out(`${JSON.stringify({ file, error: outcome.error })}\n`);
    } else {
      context.terminal.out(formatFileOutcome(outcome));
    }
  }

  const cases = outcomes.flatMap((outcome) => outcome.results);
  const passed = cases.filter((result) => result.passed).length;
  const failed = cases.length - passed;
  const invalid = outcomes.filter((outcome) => outcome.error).length;
  if (values.json) {
    context.terminal.out(`${JSON.stringify({ summary: { files: outcomes.length, cases: cases.length, passed, failed, invalidFiles: invalid } })}\n`);
  } else {
    const invalidText = invalid > 0 ? `, ${invalid} invalid file${invalid === 1 ? '' : 's'}` : '';
    const none = cases.length === 0 ? ' (no test cases found: add a "tests" list to the connector)' : '';
    context.terminal.out(`\n${passed} passed, ${failed} failed${invalidText} (${outcomes.length} file${outcomes.length === 1 ? '' : 's'})${none}\n`);
  }
  return failed > 0 || invalid > 0 ? 1 : 0;
}

async function testFile(file: string, single: boolean): Promise<FileOutcome> {
  try {
    const connector = await loadConnectorFile(file);
    const folder = dirname(resolve(file));
    const { environments } = await readEnvironments(folder).catch((error: Error) => {
      throw new CliError(error.message);
    });
    const results = await runTestCases(connector, {
      loadCassette: (path) => loadCassetteFile(resolve(folder, path)),
      environment: (name) => (environments[name] ? { name, variables: environments[name].variables } : undefined),
    });
    return { file, results };
  } catch (error) {
    // One bad file in a directory is reported and counted; a single bad file is a usage problem.
    if (single || !isCliError(error)) throw error;
    return { file, results: [], error: error.message };
  }
}

function formatFileOutcome(outcome: FileOutcome): string {
  const lines = [outcome.file];
  if (outcome.error) lines.push(...outcome.error.split('\n').map((line) => `  ✗ ${line}`));
  else if (outcome.results.length === 0) lines.push('  (no test cases)');
  for (const result of outcome.results) {
    const duration = result.record ? `  ${formatMs(result.record.durationMs)}` : '';
    const where = result.environment ? `, env ${result.environment}` : '';
    lines.push(`  ${result.passed ? '✓' : '✗'} ${result.name} [${result.mode}${where}]${duration}`);
    for (const mismatch of result.mismatches) lines.push(`      ${mismatch}`);
  }
  return `${lines.join('\n')}\n`;
}

function toJsonCase(file: string, result: TestCaseResult) {
  return {
    file,
    name: result.name,
    mode: result.mode,
    ...(result.environment ? { environment: result.environment } : {}),
    passed: result.passed,
    mismatches: result.mismatches,
    ...(result.record ? { status: result.record.status === 'success' ? 'success' : 'failed', durationMs: Math.round(result.record.durationMs) } : {}),
  };
}

/** The file itself, or every *.connector.json under the directory, sorted. */
async function connectorFilesIn(target: string): Promise<string[]> {
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new CliError(`Cannot find ${target}. Pass a connector file or a directory that holds *${CONNECTOR_SUFFIX} files.`);
  }
  if (!info.isDirectory()) return [target];
  const found: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && entry.name.endsWith(CONNECTOR_SUFFIX)) found.push(path);
    }
  };
  await walk(target);
  if (found.length === 0) throw new CliError(`${target} holds no *${CONNECTOR_SUFFIX} files (looked in subfolders too). Name connector files like ${basename(target)}/my-api${CONNECTOR_SUFFIX}, or pass one file.`);
  return found.sort((a, b) => relative(target, a).localeCompare(relative(target, b)));
}
