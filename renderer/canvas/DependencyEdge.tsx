import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { AppEdge } from '../flow/flowTypes.js';
import { useAppStore } from '../store/AppStoreProvider.js';

export const DependencyEdge = memo(function DependencyEdge(props: EdgeProps<AppEdge>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const select = useAppStore((s) => s.select);
  const condition = props.data?.condition;
  const errors = props.data?.issues.filter((i) => i.severity === 'error') ?? [];
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} interactionWidth={props.data?.virtual ? 0 : 28} />
      {(condition || errors.length > 0) && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label nodrag nopan${props.selected ? ' selected' : ''}${errors.length ? ' has-error' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="edge-label" data-edge-id={props.id}
            title={errors.map((i) => i.message).join('\n') || undefined}
            onClick={() => select({ kind: 'edge', edgeIds: [props.id] })}
          >
            {condition ? `if ${condition}` : ''}{errors.length > 0 && <span className="badge error">!</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
