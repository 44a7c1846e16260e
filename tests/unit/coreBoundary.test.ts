/**
 * Outside core/, the core is one module: '#core' (package.json "imports" → core/index.ts). The
 * compiler refuses a deep '#core/…' path (it is not in the map); a relative path into core/ is
 * refused by every build and the test runner (scripts/coreBoundary.mjs) and by ESLint. All are
 * checked here on code that is never written to disk, with the repo's own configs.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { ESLint } from 'eslint';
import { build as viteBuildApi } from 'vite';
import { coreBoundaryEsbuild, coreBoundaryVite } from '../../scripts/coreBoundary.mjs';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = join(import.meta.dirname, '../..');
/** Where the probes pretend to live: host modules, like any consumer of the core. */
const PROBES = {
  public: { path: join(REPO_ROOT, 'host/coreBoundaryPublic.ts'), text: "import { ConnectorSchema, type Connector } from '#core';\nexport const parse = (v: unknown): Connector => ConnectorSchema.parse(v);\n" },
  deep: { path: join(REPO_ROOT, 'host/coreBoundaryDeep.ts'), text: "import { ConnectorSchema } from '#core/schema/connector.js';\nexport const schema = ConnectorSchema;\n" },
};

/** The compiler's errors for each probe, type-checked in one program with the repo's tsconfig.json. */
function typeErrors(): Record<keyof typeof PROBES, { code: number; message: string }[]> {
  const config = ts.getParsedCommandLineOfConfigFile(join(REPO_ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json could not be read');
  const texts = new Map(Object.values(PROBES).map((probe) => [probe.path, probe.text]));
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => {
    const text = texts.get(name);
    return text === undefined ? getSourceFile.call(host, name, language, ...rest) : ts.createSourceFile(name, text, language);
  };
  host.fileExists = (name) => texts.has(name) || fileExists.call(host, name);
  host.readFile = (name) => texts.get(name) ?? readFile.call(host, name);
  const program = ts.createProgram([...texts.keys()], config.options, host);
  const errorsOf = (path: string) => program.getSemanticDiagnostics(program.getSourceFile(path)).map((d) => ({ code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') }));
  return { public: errorsOf(PROBES.public.path), deep: errorsOf(PROBES.deep.path) };
}

describe('the core is imported only through its public API', () => {
  let errors: ReturnType<typeof typeErrors>;
  // Type-checking loads the core and the Node types: seconds, more on a loaded machine.
  beforeAll(() => {
    errors = typeErrors();
  }, 180_000);

  it('compiles an import of #core', () => {
    expect(errors.public).toEqual([]);
  });

  it('refuses a deep #core path at compile time, even to a file that exists', () => {
    expect(errors.deep).toEqual([expect.objectContaining({ code: 2307, message: expect.stringContaining("'#core/schema/connector.js'") })]);
  });

  it('refuses a relative import into core/ in lint, and accepts #core', async () => {
    const eslint = new ESLint({ cwd: REPO_ROOT });
    const lint = async (text: string) => (await eslint.lintText(text, { filePath: PROBES.deep.path }))[0]?.messages.map((m) => `${m.ruleId}: ${m.message}`) ?? [];
    expect(await lint("import { ConnectorSchema } from '../core/schema/connector.js';\nexport const schema = ConnectorSchema;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*import the core as '#core'/),
    ]);
    expect(await lint("import { ConnectorSchema } from '../core/index.js';\nexport const schema = ConnectorSchema;\n")).toHaveLength(1);
    expect(await lint("import { ConnectorSchema } from '#core';\nexport const schema = ConnectorSchema;\n")).toEqual([]);
  });

  it('refuses a relative import into core/ in the esbuild bundles (desktop app, browser mode, CLI), and bundles #core', async () => {
    const bundle = (contents: string) => build({ stdin: { contents, resolveDir: join(REPO_ROOT, 'host'), sourcefile: 'host/coreBoundaryProbe.ts', loader: 'ts' }, absWorkingDir: REPO_ROOT, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent', plugins: [coreBoundaryEsbuild] });
    await expect(bundle("import { ConnectorSchema } from '../core/schema/connector.js';\nconsole.log(ConnectorSchema);\n")).rejects.toThrow(/host\/coreBoundaryProbe\.ts imports "\.\.\/core\/schema\/connector\.js", a file inside core\/\. Outside core\/, import the core as '#core'/);
    const ok = await bundle("import { ConnectorSchema } from '#core';\nconsole.log(typeof ConnectorSchema);\n");
    expect(ok.errors).toEqual([]);
  }, 60_000);

  it('refuses it in the Vite builds and the Vitest runner (the same plugin), and builds #core', async () => {
    const probePath = join(REPO_ROOT, 'host/coreBoundaryProbe.ts');
    const viteBuild = (contents: string) => viteBuildApi({
      configFile: false, root: REPO_ROOT, logLevel: 'silent',
      plugins: [{ name: 'probe', enforce: 'pre', resolveId: (id) => (id === 'virtual-probe' ? probePath : null), load: (id) => (id === probePath ? contents : null) }, coreBoundaryVite],
      build: { write: false, ssr: true, rollupOptions: { input: 'virtual-probe', external: [/^node:/, 'zod', 'jsonpath-plus'] } },
    });
    await expect(viteBuild("import { ConnectorSchema } from '../core/schema/connector.js';\nexport default ConnectorSchema;\n")).rejects.toThrow(/a file inside core\/\. Outside core\/, import the core as '#core'/);
    await expect(viteBuild("import { ConnectorSchema } from '../core/index.js';\nexport default ConnectorSchema;\n")).resolves.toBeDefined();
  }, 120_000);
});
