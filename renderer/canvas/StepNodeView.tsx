import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { StepNode } from '../flow/flowTypes.js';
import { retryingLabel } from '../runs/retryLabel.js';
import { AUTH_KINDS } from '#core';
import { useStepView } from '../steps/StepViewsContext.js';
import { UnsupportedStepNode } from '../steps/UnsupportedStepKind.js';
import { useAppStore } from '../store/AppStoreProvider.js';

function duration(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

const STATUS_ICON: Record<string, string> = { pending: '○', running: '◌', success: '✓', failed: '✕', skipped: '⤼' };

/** The label, read from the document: the one part of the canvas a keystroke in a step's name redraws. */
function StepNodeName({ stepId }: { stepId: string }) {
  const name = useAppStore((s) => s.doc?.steps.find((st) => st.id === stepId)?.name);
  return <span className="step-node-name" data-testid="step-node-name" data-step-id={stepId}>{name || stepId}</span>;
}

export const StepNodeView = memo(function StepNodeView({ data, selected }: NodeProps<StepNode>) {
  const { step, live, issues } = data;
  const errors = issues.filter((i) => i.severity === 'error');
  const status = live?.status;
  // The kind draws its own badge and body (renderer/steps/<kind>/); one this version cannot draw says so.
  const view = useStepView(step);
  return (
    <div className={`step-node${selected ? ' selected' : ''}${view ? '' : ' unsupported'}${status ? ` status-${status}` : ''}${data.unlinked ? ' unlinked' : ''}`} data-testid="step-node" data-step-id={step.id} data-step-kind={String(step.kind)} data-status={status ?? 'idle'}>
      <Handle type="target" position={Position.Left} title="Depends on" />
      <div className="step-node-head">
        {view && <view.NodeBadge step={step} />}
        <StepNodeName stepId={step.id} />
        {errors.length > 0 && <span className="badge error" title={errors.map((i) => i.message).join('\n')} data-testid="node-issue-badge">{errors.length}</span>}
      </div>
      {data.unlinked && <div className="step-node-unlinked" data-testid="node-unlinked">Not linked: runs on its own, at the start</div>}
      {view ? <view.NodeBody step={step} /> : <UnsupportedStepNode kind={step.kind} />}
      {step.condition && step.condition.trim() !== '' && (
        <div className="step-node-condition mono" data-testid="node-condition" title={`Runs only if ${step.condition}`}>if {step.condition}</div>
      )}
      <div className="step-node-foot">
        {data.authType && (
          <span className="badge step-node-auth" data-testid="node-auth-badge" title={`${AUTH_KINDS[data.authType].label}: ${data.authInherited ? 'inherited from the connector' : 'set on this step'}`}>
            🔑 {AUTH_KINDS[data.authType].shortLabel}{data.authInherited ? '' : '*'}
          </span>
        )}
        <span className="muted mono step-node-id" title={step.id}>{step.id}</span>
        {status && (
          <span className={`run-status status-${status}`} data-testid="node-run-status" title={live?.skipReason ?? live?.result?.error?.message}>
            {STATUS_ICON[status]} {status === 'running' && live && live.attempt > 1 ? `retry ${live.attempt - 1}` : duration(live?.durationMs)}
          </span>
        )}
      </div>
      {status === 'running' && live?.retryInMs !== undefined && (
        <div className="step-node-retry" role="status" data-testid="node-retry">
          {retryingLabel(live.lastFailure?.status, live.lastFailure?.code, live.retryInMs, live.retryReason)}
        </div>
      )}
      <Handle type="source" position={Position.Right} title="Add a dependent step" />
    </div>
  );
});
