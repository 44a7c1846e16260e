import { useAppStore } from '../store/AppStoreProvider.js';
import type { ValidationIssue } from '#core';
import { StepInspector } from './StepInspector.js';
import { EdgeInspector } from './EdgeInspector.js';
import { ConnectorInspector } from './ConnectorInspector.js';
import './inspector.css';

/** The side panel for whatever is selected. */
export function Inspector({ issues }: { issues: ValidationIssue[] }) {
  const selection = useAppStore((s) => s.selection);
  const single = selection.kind === 'step' && selection.stepIds.length === 1 ? selection.stepIds[0]
    : selection.kind === 'edge' && selection.edgeIds.length === 1 ? selection.edgeIds[0] : undefined;
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      {selection.kind === 'step' && single ? <StepInspector key={single} stepId={single} issues={issues} />
        : selection.kind === 'edge' && single ? <EdgeInspector key={single} edgeId={single} issues={issues} />
        : selection.kind === 'step' || selection.kind === 'edge' ? <p className="muted">{(selection.kind === 'step' ? selection.stepIds : selection.edgeIds).length} selected. Delete removes them; Ctrl/Cmd+C, V and D copy, paste and duplicate.</p>
        : <ConnectorInspector section={selection.kind === 'connector' ? selection.section : undefined} issues={issues} />}
    </aside>
  );
}
