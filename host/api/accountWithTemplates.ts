/**
 * The default extensions: account + sync, and the template marketplace, which is handed the
 * account's service (its signed-in Supabase client) explicitly once the account exists.
 */
import { accountExtension, type AccountExtensionOptions } from '../account/accountExtension.js';
import { accountTemplateRemote } from '../templates/accountTemplateRemote.js';
import { templatesExtension, type TemplatesExtensionOptions } from '../templates/templatesExtension.js';
import type { HostServiceExtension } from './hostServiceExtension.js';

export function accountWithTemplates(options: { account?: AccountExtensionOptions; templates?: Omit<TemplatesExtensionOptions, 'remote'> } = {}): HostServiceExtension {
  return async (context) => {
    const account = await accountExtension(options.account)(context);
    const templates = await templatesExtension({ ...options.templates, remote: accountTemplateRemote(account.service) })(context);
    return {
      calls: { ...account.calls, ...templates.calls },
      async close() {
        await templates.close?.();
        await account.close();
      },
    };
  };
}
