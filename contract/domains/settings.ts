/** The app's settings (`settings.*`), and the proxy URL rule the settings form shares. */
import { z } from 'zod';
import { call, noParams, type DomainCallSpecs } from './call.js';
import { RunModeSchema } from './runs.js';

export const THEMES = ['system', 'light', 'dark'] as const;
export const AppSettingsSchema = z.object({
  theme: z.enum(THEMES).default('system'),
  defaultRunMode: RunModeSchema.default('mock'),
  /** HTTP(S) proxy URL for live runs; empty = direct. */
  proxy: z.string().max(2048).default(''),
  supabaseUrl: z.string().max(2048).default(''),
  /** The public anon key (not a secret: row-level security protects the data). */
  supabaseAnonKey: z.string().max(4096).default(''),
  /** Linux without a keyring: allow the vault key in plaintext-equivalent storage. */
  allowInsecureKeyStorage: z.boolean().default(false),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;

const httpUrlOrEmpty = (what: string) =>
  z.string().max(2048).refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { message: `${what} must be an http(s) URL, or empty` });

/** Why a proxy URL cannot be used (it must be http(s)://host:port), or null; empty means no proxy. */
export function proxyUrlProblem(value: string): string | null {
  if (value === '') return null;
  const example = 'for example http://proxy.example.com:8080';
  // "proxy.example.com:8080" would parse with "proxy.example.com:" as its scheme.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return `The proxy must start with http:// or https://, ${example}.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `The proxy is not a URL; write it as http(s)://host:port, ${example}.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `The proxy must start with http:// or https://, ${example}.`;
  if (!url.hostname) return `The proxy needs a host name, ${example}.`;
  // URL drops a default port (":80" for http), so look for one in the text itself.
  if (!url.port && !/:\d+\/?$/.test(value)) return `The proxy needs a port after the host, ${example}.`;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return `The proxy is only scheme, host and port (no path), ${example}.`;
  return null;
}

export const AppSettingsPatchSchema = z
  .object({
    theme: z.enum(THEMES),
    defaultRunMode: RunModeSchema,
    proxy: z.string().max(2048).superRefine((value, ctx) => {
      const problem = proxyUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    supabaseUrl: httpUrlOrEmpty('The Supabase URL'),
    supabaseAnonKey: z.string().max(4096),
    allowInsecureKeyStorage: z.boolean(),
  })
  .partial()
  .strict();
export type AppSettingsPatch = z.infer<typeof AppSettingsPatchSchema>;

export const settingsCalls = {
  'settings.get': call(noParams, AppSettingsSchema),
  'settings.update': call(AppSettingsPatchSchema, AppSettingsSchema),
} satisfies DomainCallSpecs<'settings'>;
