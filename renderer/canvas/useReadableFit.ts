/**
 * The canvas's fit view (toolbar "Fit view", after auto-layout, and once when the graph is first
 * measured): readableViewport over every node's bounds, clear of the zoom controls (left) and of
 * the minimap (right) when it is shown.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { readableViewport } from './readableFit.js';

/** Fit view never zooms out further than this: node text (10-12 px) stays at 8-9.6 px or more on screen. */
export const FIT_MIN_ZOOM = 0.8;
const FIT_MAX_ZOOM = 1.2;

/** `minimap`: its size when shown, null when not, undefined while that is not known yet (the first fit waits). */
export function useReadableFit(wrapper: RefObject<HTMLDivElement | null>, minimap: { width: number; height: number } | null | undefined): { fit: (duration?: number) => void; fitted: boolean } {
  const { getNodes, getNodesBounds, setViewport } = useReactFlow();
  const fit = useCallback((duration = 0) => {
    const el = wrapper.current;
    const nodes = getNodes();
    if (!el || nodes.length === 0) return;
    const padding = { top: 24, left: 56, bottom: 24, right: minimap ? minimap.width + 32 : 24 };
    const viewport = readableViewport(getNodesBounds(nodes), { width: el.clientWidth, height: el.clientHeight }, { minZoom: FIT_MIN_ZOOM, maxZoom: FIT_MAX_ZOOM, padding, corner: minimap ?? undefined });
    void setViewport(viewport, duration > 0 ? { duration } : undefined);
  }, [wrapper, minimap, getNodes, getNodesBounds, setViewport]);

  // Once, when React Flow has measured the nodes (until then the canvas is not shown, so it never flashes).
  const initialised = useNodesInitialized();
  const [fitted, setFitted] = useState(false);
  const done = useRef(false);
  useEffect(() => {
    if (!initialised || minimap === undefined || done.current) return;
    done.current = true;
    fit();
    setFitted(true);
  }, [initialised, minimap, fit]);
  return { fit, fitted };
}
