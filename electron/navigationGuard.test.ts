import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './appOrigin.js';
import { decideNavigation, decideWindowOpen, isAllowedExternalUrl } from './navigationGuard.js';

describe('app origin', () => {
  it('recognises only our own app://renderer URLs', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://renderer/assets/x.js')).toBe(true);
    for (const url of ['app://other/index.html', 'app://user:pw@renderer/', 'file:///index.html', 'https://renderer/', 'http://127.0.0.1:5173/', 'javascript:alert(1)', '', 'not a url', undefined, null]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('navigation guard decisions', () => {
  it('allows navigation within the app only', () => {
    expect(decideNavigation('app://renderer/index.html#/editor')).toEqual({ action: 'allow' });
    expect(decideNavigation('https://evil.example/')).toEqual({ action: 'deny' });
    expect(decideNavigation('file:///etc/passwd')).toEqual({ action: 'deny' });
  });

  it('sends allow-listed https links to the browser instead of navigating', () => {
    expect(decideNavigation('https://github.com/org/repo')).toEqual({ action: 'open-external', url: 'https://github.com/org/repo' });
  });

  it('never opens a new window; only allow-listed https URLs go to the OS browser', () => {
    expect(decideWindowOpen('https://supabase.com/dashboard')).toEqual({ action: 'open-external', url: 'https://supabase.com/dashboard' });
    expect(decideWindowOpen('app://renderer/index.html')).toEqual({ action: 'deny' });
    expect(decideWindowOpen('https://github.com.evil.example/')).toEqual({ action: 'deny' });
  });

  it('refuses non-https, credentials in URLs, odd ports and unknown hosts for external links', () => {
    expect(isAllowedExternalUrl('http://github.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://user@github.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://github.com:8443/')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/calc.exe')).toBe(false);
    expect(isAllowedExternalUrl('smb://github.com/share')).toBe(false);
    expect(isAllowedExternalUrl('https://example.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://github.com/anything')).toBe(true);
  });
});
