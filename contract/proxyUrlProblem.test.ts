import { describe, expect, it } from 'vitest';
import { AppSettingsPatchSchema, proxyUrlProblem } from './hostApi.js';

describe('proxyUrlProblem (settings.update refuses what it names)', () => {
  it('accepts empty (direct) and http(s)://host:port, including a default port written out', () => {
    for (const ok of ['', 'http://proxy.example.com:8080', 'https://10.0.0.1:3128', 'http://proxy.example.com:80', 'http://[::1]:8080/']) {
      expect(proxyUrlProblem(ok)).toBeNull();
      expect(AppSettingsPatchSchema.safeParse({ proxy: ok }).success).toBe(true);
    }
  });

  it('names what is wrong: scheme, port, path', () => {
    expect(proxyUrlProblem('proxy.example.com:8080')).toContain('must start with http:// or https://');
    expect(proxyUrlProblem('socks5://proxy.example.com:1080')).toContain('must start with http:// or https://');
    expect(proxyUrlProblem('http://proxy.example.com')).toContain('needs a port');
    expect(proxyUrlProblem('http://proxy.example.com:8080/x')).toContain('no path');
    expect(proxyUrlProblem('http://:8080')).not.toBeNull();
    const parsed = AppSettingsPatchSchema.safeParse({ proxy: 'http://proxy.example.com' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('needs a port');
  });
});
