/**
 * A host call made by hand from the page, with the page's own session token, the way the
 * renderer makes it in browser mode: for tests that check what the host itself refuses or
 * that read or change state without clicking through the UI. Returns the raw answer.
 */
import type { Page } from '@playwright/test';

export interface HostAnswer<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string; hint?: string };
}

export async function hostCallFromPage<T = unknown>(page: Page, name: string, params: unknown): Promise<HostAnswer<T>> {
  return page.evaluate(async ({ name, params }) => {
    const token = sessionStorage.getItem('connectorStudio.token') ?? '';
    const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-connector-studio-token': token }, body: JSON.stringify({ params }) });
    return response.json();
  }, { name, params }) as Promise<HostAnswer<T>>;
}
