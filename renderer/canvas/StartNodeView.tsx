import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { StartNode } from '../flow/flowTypes.js';

export const StartNodeView = memo(function StartNodeView({ data, selected }: NodeProps<StartNode>) {
  return (
    <div className={`terminal-node start-node${selected ? ' selected' : ''}`} data-testid="start-node">
      <div className="terminal-title">▶ Inputs</div>
      {data.inputs.length === 0 ? <div className="muted">No inputs</div> : (
        <ul>{data.inputs.map((i) => <li key={i.name}><code>{i.name}</code> <span className="muted">{i.type}{i.required ? ' *' : ''}</span></li>)}</ul>
      )}
      <Handle type="source" position={Position.Right} title="Add an entry step" />
    </div>
  );
});
