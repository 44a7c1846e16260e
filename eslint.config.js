// One lint setup for the whole repo. Its main job beyond typescript-eslint's
// recommendations: enforce the layer direction (see docs/architecture.md).
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'process', 'http', 'https', 'net', 'tls', 'crypto', 'worker_threads', 'stream', 'url', 'util', 'zlib', 'dns', 'cluster', 'module', 'readline', 'v8', 'vm'];
// Matched as whole module names: a `group` pattern would also refuse a folder named like a builtin (renderer/steps/http/).
const nodeModules = `^(node:.*|${nodeBuiltins.join('|')})$`;
// Outside core/ the core is one module, '#core' (package.json "imports" → core/index.ts): the compiler
// refuses '#core/<deep path>' (not in the map), and this pattern refuses a relative path into core/.
const coreOnlyThroughIndex = { regex: '^(\\.{1,2}/)+(.+/)?core(/.*)?$', message: "Outside core/, import the core as '#core' (its public API, core/index.ts)." };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The bench's hand-written baselines and the bin are CommonJS on purpose (bench/baselines/chainLoop.cjs, bin/connector-studio.cjs).
    files: ['bench/baselines/*.cjs', 'bin/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{ts,tsx,mts,mjs,js}'],
    ignores: ['core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreOnlyThroughIndex] }] },
  },
  {
    // core/ is pure TypeScript: the world comes in through ports.
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts', 'core/**/test-helpers/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'core/ must stay pure: inject I/O through core/ports.' })),
        patterns: [
          { group: ['node:*'], message: 'core/ must stay pure: inject I/O through core/ports.' },
          { group: ['electron', 'electron/*', 'react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*'], message: 'core/ imports no Electron or UI libraries.' },
          { group: ['**/host/**', '**/electron/**', '**/renderer/**', '**/cli/**'], message: 'core/ depends on nothing above it.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'core/ must not read process: take it as an option.' }, { name: 'require', message: 'core/ is ESM.' }],
    },
  },
  {
    // The renderer talks to the host only through the contract.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: nodeModules, message: 'The renderer runs in a sandbox: use the host API contract.' },
          { group: ['electron', 'electron/*'], message: 'The renderer reaches Electron only through the preload bridge.' },
          { group: ['**/host/**', '**/electron/**', '**/cli/**'], message: 'The renderer depends on contract/ and core/, never on host code.' },
          coreOnlyThroughIndex,
        ],
      }],
    },
  },
  {
    // The desktop app never gets browser mode's test-only switches (host/server/simulatedOffline.ts).
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/host/server/main.js', '**/host/server/simulatedOffline.js'], message: 'Browser mode\'s entry point and its test-only switches stay out of the Electron app.' }],
      }],
    },
  },
  {
    // Ambient globals are declared with `var` (see the file's comment).
    files: ['core/runtime.d.ts'],
    rules: { 'no-var': 'off' },
  },
  {
    // Each store slice adds its part to AppState by declaration merging (see renderer/store/types.ts).
    files: ['renderer/store/slices/*.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }] },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: nodeModules, message: 'contract/ is shared with the renderer: no Node modules.' },
          { group: ['**/host/**', '**/electron/**', '**/renderer/**', '**/cli/**'], message: 'contract/ depends only on core/.' },
          coreOnlyThroughIndex,
        ],
      }],
    },
  },
  {
    // The CLI runs the core with Node adapters; of the host it uses the HTTP transport, the OpenAPI spec loader, the
    // OAuth sign-in (the app's own flow) and the vault with its folder (the CLI's credential store).
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/host/*/**', '!**/host/http/**', '!**/host/openapi/**', '!**/host/environments/environmentsFile.js', '!**/host/connections/**', '!**/host/vault/**', '!**/host/fs/defaultUserDataDir.js'], message: 'cli/ depends on core/, host/http, host/openapi (the spec loader), host/connections (sign-ins), host/vault and the environments file only.' },
          { group: ['**/electron/**', '**/renderer/**', 'electron', 'react'], message: 'cli/ is a plain Node program.' },
          coreOnlyThroughIndex,
        ],
      }],
    },
  },
  {
    // Server-side runtime (server/ workers, trigger/ task): the core's public API and host modules only.
    files: ['server/**/*.ts', 'trigger/**/*.ts', '*.config.ts'],
    ignores: ['server/**/*.test.ts', 'trigger/**/*.test.ts', 'server/test-helpers/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          coreOnlyThroughIndex,
          { group: ['**/renderer/**', '**/electron/**', '**/cli/**', '**/contract/**', 'electron', 'react'], message: 'server/ depends on core/ and host/ only.' },
        ],
      }],
    },
  },
);
