/**
 * Outside core/, the core is one module: '#core' (package.json "imports" → core/index.ts). The
 * compiler refuses a deep '#core/…' path (it is not in the map) and ESLint refuses a relative path
 * into core/. Both are checked here on code that is never written to disk, with the repo's own
 * tsconfig.json and eslint.config.js.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
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
});
