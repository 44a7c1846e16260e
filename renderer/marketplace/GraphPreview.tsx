/** A read-only picture of a template's step graph: the editor's documentToFlow, nothing draggable or selectable. */
import { useMemo } from 'react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { Connector } from '#core';
import { documentToFlow } from '../flow/documentToFlow.js';
import { edgeTypes, nodeTypes } from '../canvas/nodeRegistry.js';
import { useAppStore } from '../store/AppStoreProvider.js';
import '../canvas/canvas.css';

export function GraphPreview({ connector }: { connector: Connector }) {
  const theme = useAppStore((s) => s.theme);
  const flow = useMemo(() => {
    const { nodes, edges } = documentToFlow(connector);
    // Per-node flags win over the canvas-wide ones, so the preview clears them too.
    return { nodes: nodes.map((n) => ({ ...n, draggable: false, selectable: false, connectable: false, deletable: false })), edges: edges.map((e) => ({ ...e, selectable: false, deletable: false })) };
  }, [connector]);
  return (
    <div className="graph-preview" data-testid="template-graph" aria-label="Step graph (read-only)">
      <ReactFlowProvider>
        <ReactFlow
          nodes={flow.nodes}
          edges={flow.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          colorMode={theme}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          nodesFocusable={false}
          deleteKeyCode={null}
          fitView
          proOptions={{ hideAttribution: true }}
        />
      </ReactFlowProvider>
    </div>
  );
}
