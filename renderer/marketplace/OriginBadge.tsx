/** Where a template comes from, always visible: official or community, shipped with the app or from the project. */
import type { TemplateSummary } from '../../contract/hostApi.js';

export function OriginBadge({ template }: { template: Pick<TemplateSummary, 'origin' | 'source' | 'featured' | 'hidden'> }) {
  return (
    <span className="row origin-badges">
      <span className={`badge origin-${template.origin}`} data-testid="template-origin" data-origin={template.origin}>
        {template.origin === 'official' ? '✔ Official' : 'Community'}
      </span>
      <span className="badge" data-testid="template-source" title={template.source === 'builtin' ? 'Shipped with the app; works offline' : 'From your Supabase project'}>
        {template.source === 'builtin' ? 'Built-in' : 'Online'}
      </span>
      {template.featured && <span className="badge success" data-testid="template-featured">★ Featured</span>}
      {template.hidden && <span className="badge error" data-testid="template-hidden">Hidden</span>}
    </span>
  );
}
