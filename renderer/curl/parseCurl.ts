/**
 * A pasted cURL command → one step. Small on purpose: it understands the options
 * browsers' "Copy as cURL" and API docs use (-X, -H, -d/--data*, --json, -u, -G, URL),
 * ignores harmless flags, and refuses anything else with a clear message. Never runs it.
 */
import type { Auth, Body, KeyValue, Step } from '#core';
import { HTTP_METHODS } from '#core';

export class CurlParseError extends Error {
  override name = 'CurlParseError';
}

/** Shell-like word splitting: single/double quotes, backslash escapes and line continuations. */
export function shellWords(input: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  const src = input.replace(/\\\r?\n/g, ' ').replace(/\^\r?\n/g, ' ');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < src.length && '"\\$`'.includes(src[i + 1] as string)) word += src[++i];
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '$' && src[i + 1] === "'") {
      // $'...' ANSI-C quoting: treat as single quotes, decoding \n and \'.
      let j = i + 2;
      while (j < src.length && src[j] !== "'") {
        if (src[j] === '\\' && j + 1 < src.length) {
          const next = src[j + 1] as string;
          word += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          j += 2;
        } else word += src[j++];
      }
      i = j;
      inWord = true;
    } else if (ch === '\\' && i + 1 < src.length) {
      word += src[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new CurlParseError('The command has an unclosed quote. Paste the whole command.');
  if (inWord) words.push(word);
  return words;
}

const IGNORED_FLAGS = new Set(['--compressed', '-s', '--silent', '-S', '--show-error', '-L', '--location', '-k', '--insecure', '-i', '--include', '-v', '--verbose', '-g', '--globoff', '--http1.1', '--http2', '-f', '--fail', '--fail-with-body']);
const IGNORED_WITH_VALUE = new Set(['-o', '--output', '-m', '--max-time', '--connect-timeout', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '--retry']);

export interface ParsedCurl {
  step: Step;
  /** Basic credentials seen in -u; the caller stores them in the vault, never in the file. */
  basicAuth?: { username: string; password: string } | undefined;
  bearerToken?: string | undefined;
}

export function parseCurl(command: string, stepId = 'step_1'): ParsedCurl {
  const words = shellWords(command.trim());
  if (words[0] !== 'curl') throw new CurlParseError('This does not look like a cURL command: it should start with "curl".');
  let method: string | undefined;
  let url: string | undefined;
  const headers: KeyValue[] = [];
  const data: string[] = [];
  let json = false;
  let getWithData = false;
  let basicAuth: ParsedCurl['basicAuth'];
  for (let i = 1; i < words.length; i++) {
    const raw = words[i] as string;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const next = words[++i];
      if (next === undefined) throw new CurlParseError(`${flag} needs a value.`);
      return next;
    };
    switch (flag) {
      case '-X': case '--request': method = value().toUpperCase(); break;
      case '-H': case '--header': {
        const header = value();
        const colon = header.indexOf(':');
        if (colon <= 0) throw new CurlParseError(`The header "${header}" has no "Name: value" form.`);
        headers.push({ key: header.slice(0, colon).trim(), value: header.slice(colon + 1).trim(), enabled: true, source: 'static' });
        break;
      }
      case '-d': case '--data': case '--data-raw': case '--data-binary': case '--data-ascii': case '--data-urlencode':
        data.push(value()); break;
      case '--json': json = true; data.push(value()); break;
      case '-u': case '--user': {
        const user = value();
        const colon = user.indexOf(':');
        basicAuth = { username: colon < 0 ? user : user.slice(0, colon), password: colon < 0 ? '' : user.slice(colon + 1) };
        break;
      }
      case '-G': case '--get': getWithData = true; break;
      case '--url': url = value(); break;
      default:
        if (IGNORED_FLAGS.has(flag)) break;
        if (IGNORED_WITH_VALUE.has(flag)) { value(); break; }
        if (flag.startsWith('-')) throw new CurlParseError(`The option ${flag} is not supported in an import. Remove it and paste again.`);
        if (url !== undefined) throw new CurlParseError(`Only one URL is supported; found "${url}" and "${raw}".`);
        url = raw;
    }
  }
  if (!url) throw new CurlParseError('The command has no URL.');
  if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
  const parsedUrl = new URL(url);
  const query: KeyValue[] = [...parsedUrl.searchParams].map(([key, v]) => ({ key, value: v, enabled: true, source: 'static' as const }));
  if (getWithData) {
    for (const chunk of data) for (const [key, v] of new URLSearchParams(chunk)) query.push({ key, value: v, enabled: true, source: 'static' });
  }
  const finalMethod = (method ?? (data.length > 0 && !getWithData ? 'POST' : 'GET')) as Step['method'];
  if (!(HTTP_METHODS as readonly string[]).includes(finalMethod)) throw new CurlParseError(`The method ${finalMethod} is not supported.`);

  const contentType = headers.find((h) => h.key.toLowerCase() === 'content-type')?.value.toLowerCase() ?? '';
  let body: Body = { type: 'none' };
  if (data.length > 0 && !getWithData) {
    const text = data.join('&');
    if (json || contentType.includes('json') || /^\s*[[{]/.test(text)) {
      try {
        body = { type: 'json', value: JSON.parse(text) };
      } catch {
        body = { type: 'raw', text, contentType: contentType || 'application/json' };
      }
    } else if (contentType === '' || contentType.includes('x-www-form-urlencoded')) {
      body = { type: 'form', fields: [...new URLSearchParams(text)].map(([key, v]) => ({ key, value: v, enabled: true, source: 'static' as const })) };
    } else {
      body = { type: 'raw', text, contentType };
    }
  }

  // Secrets never go into the document: auth headers become credential references.
  let bearerToken: string | undefined;
  const keptHeaders = headers.filter((h) => {
    if (h.key.toLowerCase() === 'authorization' && /^bearer\s+/i.test(h.value)) {
      bearerToken = h.value.replace(/^bearer\s+/i, '');
      return false;
    }
    return !(json && h.key.toLowerCase() === 'content-type');
  });
  let auth: Auth | undefined;
  if (bearerToken !== undefined) auth = { type: 'bearer', token: '{{credentials.api_token}}' };
  else if (basicAuth) auth = { type: 'basic', username: '{{credentials.api_username}}', password: '{{credentials.api_password}}' };

  parsedUrl.search = '';
  const step: Step = {
    id: stepId,
    kind: 'http',
    name: `${finalMethod} ${parsedUrl.hostname}${parsedUrl.pathname === '/' ? '' : parsedUrl.pathname}`,
    method: finalMethod,
    url: parsedUrl.toString(),
    query,
    headers: keptHeaders,
    body,
    outputs: [],
    ...(auth ? { auth } : {}),
  };
  return { step, basicAuth, bearerToken };
}
