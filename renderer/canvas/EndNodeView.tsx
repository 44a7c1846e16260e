import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { EndNode } from '../flow/flowTypes.js';

export const EndNodeView = memo(function EndNodeView({ data, selected }: NodeProps<EndNode>) {
  return (
    <div className={`terminal-node end-node${selected ? ' selected' : ''}`} data-testid="end-node">
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="terminal-title">■ Contact</div>
      {data.mappings.length === 0 ? <div className="muted">No field mappings</div> : (
        <ul>{data.mappings.map((m) => <li key={`${m.source}-${m.target}`}><code>{m.source}</code> → {m.target}</li>)}</ul>
      )}
    </div>
  );
});
