/** The `templates.*` calls of the contract as a host-services extension (host/api/hostCallRegistry.ts registers it). */
import type { HostCallName } from '../../contract/hostApi.js';
import type { DomainCalls, HostServiceExtension } from '../api/hostExtension.js';
import { accountTemplateRemote, type SignedInContextSource } from './accountTemplateRemote.js';
import { resolveBuiltinTemplatesDir } from './builtinTemplatesDir.js';
import { TemplateService } from './TemplateService.js';

type TemplateCallName = Extract<HostCallName, `templates.${string}`>;

export interface TemplatesExtensionOptions {
  /** The built-in templates' folder; default: resolved from the app's resources. null: none. */
  builtinDir?: string | null;
  /** The account whose signed-in client reaches the Supabase marketplace; default: none (built-in templates only). */
  account?: SignedInContextSource;
  onService?: (service: TemplateService) => void;
}

export function templatesExtension(options: TemplatesExtensionOptions = {}): HostServiceExtension {
  return (context) => {
    const service = new TemplateService({
      builtinDir: options.builtinDir === undefined ? resolveBuiltinTemplatesDir() : options.builtinDir,
      userDataDir: context.userDataDir,
      vault: context.vault,
      workspace: () => context.workspace(),
      remote: options.account ? accountTemplateRemote(options.account) : async () => null,
      ...(options.account?.connectionProblem ? { describeUnanswered: async () => (await options.account!.connectionProblem!()).summary } : {}),
      logger: context.logger,
    });
    options.onService?.(service);
    const calls: DomainCalls<TemplateCallName> = {
      'templates.list': (params) => service.list(params ?? {}),
      'templates.get': ({ id }) => service.get(id),
      'templates.install': ({ id, credentials }) => service.install(id, credentials),
      'templates.publishPreview': ({ connectorId }) => service.publishPreview(connectorId),
      'templates.publish': (params) => service.publish(params),
      'templates.feature': ({ id, featured }) => service.feature(id, featured),
      'templates.hide': ({ id, hidden, reason }) => service.hide(id, hidden, reason),
      'templates.rate': ({ id, rating }) => service.rate(id, rating),
      'templates.updates': () => service.updates(),
      'templates.applyUpdate': ({ connectorId, credentials, keepCopy, confirmCredentialRedirects }) => service.applyUpdate(connectorId, credentials, keepCopy, confirmCredentialRedirects),
      'templates.reports': () => service.reports(),
      'templates.report': ({ id, reason }) => service.report(id, reason),
      'templates.resolveReport': ({ id, resolution }) => service.resolveReport(id, resolution),
    };
    return { calls };
  };
}
