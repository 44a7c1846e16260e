import packageJson from '../package.json' with { type: 'json' };

/** Inlined by the bundler, so `--version` reads no file at run time. */
export const CLI_VERSION: string = packageJson.version;
