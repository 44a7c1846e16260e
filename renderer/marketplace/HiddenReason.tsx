/** Why a moderator hid a template; the server only shows a hidden template (and so its reason) to its publisher and admins. */
import type { TemplateSummary } from '../../contract/hostApi.js';

export function HiddenReason({ template }: { template: Pick<TemplateSummary, 'hidden' | 'hiddenReason'> }) {
  if (!template.hidden || !template.hiddenReason) return null;
  return <p className="hidden-reason small-text" data-testid="template-hidden-reason">Hidden by a moderator: {template.hiddenReason}</p>;
}
