/**
 * The node-graph canvas. It renders `documentToFlow(doc)` and turns user gestures into
 * pure graph edits on the document (via the store's `edit`, so every one can be undone).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import {
  Background, ControlButton, Controls, MiniMap, ReactFlow, ReactFlowProvider, applyNodeChanges, useReactFlow, useStore,
  type Connection, type FinalConnectionState, type NodeChange, type OnSelectionChangeParams,
} from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useStable } from '../store/useStable.js';
import { sameDocApartFromStepNames } from '../flow/apartFromNames.js';
import { documentToFlow, GRID, isVirtualEdgeId } from '../flow/documentToFlow.js';
import { selectNewStep } from '../editor/selectNewStep.js';
import { addStep, connectSteps, copySteps, duplicateSteps, moveSteps, pasteSteps, reconnectEdge, removeElements, type EditResult, type StepClipboard } from '../flow/graphEdits.js';
import { END_NODE_ID, START_NODE_ID, type AppEdge, type AppNode, type NodeIssue } from '../flow/flowTypes.js';
import { keepIdentity, mergeNodes } from '../flow/keepIdentity.js';
import { edgeTypes, nodeTypes } from './nodeRegistry.js';
import { useReadableFit } from './useReadableFit.js';
import { useRevealSelectedStep } from './useRevealSelectedStep.js';
import { anyOverlaps, minimapBox } from './minimapCorner.js';
import type { Connector } from '#core';
import './canvas.css';

let clipboard: StepClipboard | null = null;

/** Node text stays legible (11-12 px at least 0.6 → 7 px on screen is the floor of zooming out by hand; fit view stops at FIT_MIN_ZOOM). */
export const MIN_ZOOM = 0.6;
/** Fit view keeps the graph clear of the minimap (bottom right) and the zoom controls (bottom left): see useReadableFit. */
const MINIMAP = { width: 160, height: 110 };
const MINIMAP_STYLE = { width: MINIMAP.width, height: MINIMAP.height };
// React Flow's props as constants: new arrays each render would redraw its whole view.
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const SNAP_GRID: [number, number] = [GRID, GRID];
const PRO_OPTIONS = { hideAttribution: true };
const onDragOver = (e: DragEvent) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; };
/** Below this canvas size the minimap would sit on the graph itself: it is left out. */
const MINIMAP_MIN_CANVAS = { width: 760, height: 420 };

/** True while a node is drawn where the minimap sits: it then steps aside (see minimapCorner.ts). */
function useNodeUnderMinimap(): boolean {
  return useStore((s) => {
    const [tx, ty, zoom] = s.transform;
    const boxes = [...s.nodeLookup.values()].map((n) => ({
      x: n.internals.positionAbsolute.x * zoom + tx, y: n.internals.positionAbsolute.y * zoom + ty,
      width: (n.measured.width ?? 0) * zoom, height: (n.measured.height ?? 0) * zoom,
    }));
    return anyOverlaps(minimapBox(s, MINIMAP), boxes);
  });
}

/** Whether the canvas is big enough for the minimap to sit beside the graph rather than on it. */
function useRoomForMinimap(ref: RefObject<HTMLDivElement | null>): boolean | null {
  /** null until the canvas has been measured. */
  const [room, setRoom] = useState<boolean | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setRoom(el.clientWidth >= MINIMAP_MIN_CANVAS.width && el.clientHeight >= MINIMAP_MIN_CANVAS.height));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return room;
}

export interface CanvasProps {
  stepIssues: Record<string, NodeIssue[]>;
  edgeIssues: Record<string, NodeIssue[]>;
}

export function Canvas(props: CanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasInner {...props} />
    </ReactFlowProvider>
  );
}

function CanvasInner({ stepIssues, edgeIssues }: CanvasProps) {
  const store = useAppStoreApi();
  // Step names are not drawn from here (each node's label reads its own): renaming does not redraw the canvas.
  const doc = useAppStore(useStable((s) => s.doc, sameDocApartFromStepNames)) as Connector;
  const live = useAppStore((s) => s.run?.steps);
  const { selection, theme } = useAppStore(useShallow((s) => ({ selection: s.selection, theme: s.theme })));
  const { screenToFlowPosition } = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const showMinimap = useRoomForMinimap(wrapper);
  const { fit, fitted } = useReadableFit(wrapper, showMinimap === null ? undefined : showMinimap ? MINIMAP : null);
  const nodeUnderMinimap = useNodeUnderMinimap();

  const selectedStepIds = selection.kind === 'step' ? selection.stepIds : undefined;
  const selectedEdgeIds = selection.kind === 'edge' ? selection.edgeIds : undefined;
  const selectedOnCanvas = useRef(false);
  useRevealSelectedStep(wrapper, selectedStepIds, selectedOnCanvas, fitted);
  // Nodes and edges the change left alone keep their objects, so React Flow redraws only the rest.
  const previousFlow = useRef<{ nodes: AppNode[]; edges: AppEdge[] }>({ nodes: [], edges: [] });
  const flow = useMemo(() => {
    const next = documentToFlow(doc, { live, stepIssues, edgeIssues, selectedStepIds, selectedEdgeIds });
    return { nodes: keepIdentity(previousFlow.current.nodes, next.nodes), edges: keepIdentity(previousFlow.current.edges, next.edges) };
  }, [doc, live, stepIssues, edgeIssues, selectedStepIds, selectedEdgeIds]);
  useEffect(() => { previousFlow.current = flow; }, [flow]);
  // Local node state only for the drag in progress; the document is the truth otherwise.
  const [nodes, setNodes] = useState<AppNode[]>(flow.nodes);
  const [shownFlowNodes, setShownFlowNodes] = useState(flow.nodes);
  if (shownFlowNodes !== flow.nodes) {
    // Reset during render (not in an effect) so React Flow never sees stale selection;
    // untouched nodes keep what React Flow measured.
    setShownFlowNodes(flow.nodes);
    setNodes((current) => mergeNodes(current, shownFlowNodes, flow.nodes));
  }

  const apply = useCallback((result: EditResult, selectIds?: boolean) => {
    if (!result.ok) {
      store.getState().notify({ kind: 'error', message: result.reason });
      return false;
    }
    store.getState().edit(() => result.doc);
    if (selectIds && result.ids?.length) store.getState().select({ kind: 'step', stepIds: result.ids });
    return true;
  }, [store]);
  /** A step added on the canvas (out of a handle, or dropped from the palette): selected, its name focused. */
  const applyNewStep = useCallback((result: EditResult) => {
    if (apply(result) && result.ok && result.ids?.[0]) selectNewStep(store, result.doc, result.ids[0]);
  }, [apply, store]);

  const onNodesChange = useCallback((changes: NodeChange<AppNode>[]) => {
    // Removal goes through onDelete (so the last step can be refused); the rest is visual.
    setNodes((current) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), current));
  }, []);

  const onNodeDragStop = useCallback((_: unknown, _node: AppNode, dragged: AppNode[]) => {
    const positions: Record<string, { x: number; y: number }> = {};
    for (const n of dragged) if (n.type === 'step') positions[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
    store.getState().edit((d) => moveSteps(d, positions));
  }, [store]);

  const onSelectionChange = useCallback(({ nodes: selNodes, edges: selEdges }: OnSelectionChangeParams<AppNode, AppEdge>) => {
    const state = store.getState();
    const stepIds = selNodes.filter((n) => n.type === 'step').map((n) => n.id);
    const edgeIds = selEdges.filter((e) => !isVirtualEdgeId(e.id)).map((e) => e.id);
    const current = state.selection;
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
    if (stepIds.length > 0) {
      if (!(current.kind === 'step' && same(current.stepIds, stepIds))) {
        selectedOnCanvas.current = true;
        state.select({ kind: 'step', stepIds });
      }
    } else if (edgeIds.length > 0) {
      if (!(current.kind === 'edge' && same(current.edgeIds, edgeIds))) state.select({ kind: 'edge', edgeIds });
    } else if (selNodes.some((n) => n.id === START_NODE_ID || n.id === END_NODE_ID)) {
      const section = selNodes.some((n) => n.id === START_NODE_ID) ? 'inputs' : 'mappings';
      if (!(current.kind === 'connector' && current.section === section)) state.select({ kind: 'connector', section });
    } else if (current.kind === 'step' || current.kind === 'edge') {
      state.select({ kind: 'connector' });
    }
  }, [store]);

  const onConnect = useCallback((c: Connection) => {
    apply(connectSteps(store.getState().doc as Connector, c.source, c.target));
  }, [apply, store]);

  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    // Dropping a connection on empty canvas creates the dependent step there.
    if (state.isValid || !state.fromNode || state.toNode) return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    if (!point) return;
    const position = screenToFlowPosition({ x: point.clientX, y: point.clientY });
    const from = state.fromNode.id;
    if (from === END_NODE_ID) return;
    applyNewStep(addStep(store.getState().doc as Connector, { position: { x: position.x, y: position.y - 30 }, ...(from === START_NODE_ID ? {} : { after: from }) }));
  }, [applyNewStep, screenToFlowPosition, store]);

  const onReconnect = useCallback((old: AppEdge, c: Connection) => {
    if (isVirtualEdgeId(old.id)) return;
    apply(reconnectEdge(store.getState().doc as Connector, old.id, c.source, c.target));
  }, [apply, store]);

  const onDelete = useCallback(({ nodes: delNodes, edges: delEdges }: { nodes: AppNode[]; edges: AppEdge[] }) => {
    const stepIds = delNodes.filter((n) => n.type === 'step').map((n) => n.id);
    const edgeIds = delEdges.filter((e) => !isVirtualEdgeId(e.id)).map((e) => e.id);
    if (apply(removeElements(store.getState().doc as Connector, stepIds, edgeIds))) store.getState().select({ kind: 'connector' });
  }, [apply, store]);

  const onKeyDown = useCallback((e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (!mod || (e.target as HTMLElement).closest('input, textarea, .monaco-editor')) return;
    const state = store.getState();
    const doc = state.doc as Connector;
    const ids = state.selectedStepIds();
    if (e.key === 'c' && ids.length) { clipboard = copySteps(doc, ids); e.preventDefault(); }
    else if (e.key === 'v' && clipboard) { apply(pasteSteps(doc, clipboard), true); e.preventDefault(); }
    else if (e.key === 'd' && ids.length) { apply(duplicateSteps(doc, ids), true); e.preventDefault(); }
    else if (e.key === 'a') {
      state.select({ kind: 'step', stepIds: doc.steps.map((s) => s.id) });
      e.preventDefault();
    }
  }, [apply, store]);

  const onDrop = useCallback((e: DragEvent) => {
    if (e.dataTransfer.getData('application/x-connector-step') === '') return;
    e.preventDefault();
    const position = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    applyNewStep(addStep(store.getState().doc as Connector, { position }));
  }, [applyNewStep, screenToFlowPosition, store]);

  const onPaneClick = useCallback(() => store.getState().select({ kind: 'connector' }), [store]);
  const onEdgeClick = useCallback((_: unknown, edge: AppEdge) => {
    if (!isVirtualEdgeId(edge.id)) store.getState().select({ kind: 'edge', edgeIds: [edge.id] });
  }, [store]);
  // The same elements while nothing they show changed, so an edit redraws the nodes, not these.
  const overlays = useMemo(() => (
    <>
      <Background gap={GRID} />
      {showMinimap && !nodeUnderMinimap && <MiniMap pannable zoomable ariaLabel="Mini map" style={MINIMAP_STYLE} />}
      {/* The built-in fit button would centre a big graph off the left edge: ours keeps it readable. */}
      <Controls showInteractive={false} showFitView={false}>
        <ControlButton className="react-flow__controls-fitview" onClick={() => fit(200)} title="Fit View" aria-label="Fit View">
          <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true"><path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" /></svg>
        </ControlButton>
      </Controls>
    </>
  ), [showMinimap, nodeUnderMinimap, fit]);

  useEffect(() => {
    // After the next paint, so nodes just moved by auto-layout are measured where they now are.
    const handler = () => requestAnimationFrame(() => fit(200));
    window.addEventListener('connector-studio:fit-view', handler);
    return () => window.removeEventListener('connector-studio:fit-view', handler);
  }, [fit]);

  return (
    <div className={fitted ? 'canvas' : 'canvas fitting'} ref={wrapper} onKeyDown={onKeyDown} data-testid="canvas" aria-label="Connector graph" role="application">
      <ReactFlow<AppNode, AppEdge>
        nodes={nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onSelectionChange={onSelectionChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onReconnect={onReconnect}
        onDelete={onDelete}
        onDrop={onDrop}
        onDragOver={onDragOver}
        onPaneClick={onPaneClick}
        onEdgeClick={onEdgeClick}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        snapToGrid
        snapGrid={SNAP_GRID}
        edgesReconnectable
        colorMode={theme}
        minZoom={MIN_ZOOM}
        proOptions={PRO_OPTIONS}
      >
        {overlays}
      </ReactFlow>
    </div>
  );
}
