/**
 * The documentation stays true: every relative link and image in the README files and docs/
 * resolves (file and #heading), every `connector-studio` command in the docs' `sh` blocks is
 * run for real and must succeed, and every `npm` command names a script that exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, REPO_ROOT, runCli } from '../../cli/test-helpers/runCli.js';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const docsDir = join(REPO_ROOT, 'docs');
const readmes = ['README.md', 'cli/README.md', 'supabase/README.md', 'core/executor/README.md', 'resources/templates/README.md']
  .map((path) => join(REPO_ROOT, path))
  .filter((path) => existsSync(path));
const files = [...readmes, ...markdownFiles(docsDir)];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => slug(match[1] ?? '')));
}

function linksOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
}

/** The commands of every ```sh block in docs/, one per line, comments removed. */
function shellCommands(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((match) =>
    (match[1] ?? '')
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line.length > 0 && !line.startsWith('#')),
  );
}

describe('documentation links', () => {
  it('finds the pages it checks', () => {
    expect(files.map((file) => relative(REPO_ROOT, file))).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'docs/guide/getting-started.md']));
  });

  for (const file of files) {
    it(`${relative(REPO_ROOT, file)}: every relative link resolves`, () => {
      const broken: string[] = [];
      for (const link of linksOf(file)) {
        if (/^(https?:|mailto:)/.test(link)) continue;
        const [pathPart, anchor] = link.split('#') as [string, string | undefined];
        const target = pathPart === '' ? file : resolve(dirname(file), pathPart);
        if (!existsSync(target)) {
          broken.push(`${link} (no such file)`);
          continue;
        }
        if (anchor && target.endsWith('.md') && !anchorsOf(target).has(anchor)) broken.push(`${link} (no heading #${anchor})`);
      }
      expect(broken).toEqual([]);
    });
  }
});

describe('documented commands', () => {
  const docPages = markdownFiles(docsDir);
  const commands = [...new Set(docPages.flatMap(shellCommands))];
  const scripts = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;

  beforeAll(() => buildCliOnce(), 120_000);

  it('finds commands to check', () => {
    expect(commands.some((command) => command.startsWith('npx connector-studio'))).toBe(true);
  });

  for (const command of commands) {
    const words = command.split(/\s+/);
    const envLess = words.filter((word) => !/^[A-Z_]+=/.test(word));
    if (envLess[0] === 'npx' && envLess[1] === 'connector-studio') {
      it(`runs: ${command}`, async () => {
        const result = await runCli(envLess.slice(2));
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      });
    } else if (envLess[0] === 'npm') {
      // `npm test`, `npm start`, `npm run x` are what CI and the e2e suite run; here: the script exists.
      it(`names an npm script that exists: ${command}`, () => {
        const script = envLess[1] === 'run' ? envLess[2] : envLess[1];
        expect(script === 'install' || script === 'ci' || (script !== undefined && script in scripts)).toBe(true);
      });
    } else {
      it(`is a command the docs test knows how to check: ${command}`, () => {
        // Commands of other tools (the Supabase CLI) are allowed by name only.
        expect(['supabase']).toContain(envLess[0]);
      });
    }
  }
});
