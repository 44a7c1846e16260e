/**
 * When a step is selected from outside the canvas (added with "+ Step", chosen in the Steps menu
 * or the Problems list), the canvas pans just enough to show it: a new step placed beyond the
 * right edge used to sit half behind the inspector. A selection made on the canvas never pans it.
 */
import { useEffect, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { revealRect } from './revealRect.js';

/** A node not measured yet (added this very render): about the size a step node is drawn. */
const UNMEASURED = { width: 240, height: 72 };

export function useRevealSelectedStep(wrapper: RefObject<HTMLDivElement | null>, stepIds: string[] | undefined, selectedOnCanvas: RefObject<boolean>, ready: boolean): void {
  const { getNode, getViewport, setViewport } = useReactFlow();
  useEffect(() => {
    if (selectedOnCanvas.current) {
      selectedOnCanvas.current = false;
      return;
    }
    const el = wrapper.current;
    const node = ready && stepIds?.length === 1 ? getNode(stepIds[0] as string) : undefined;
    if (!el || !node) return;
    const rect = { x: node.position.x, y: node.position.y, width: node.measured?.width ?? UNMEASURED.width, height: node.measured?.height ?? UNMEASURED.height };
    const next = revealRect(rect, getViewport(), { width: el.clientWidth, height: el.clientHeight });
    if (next) void setViewport(next, { duration: 200 });
  }, [wrapper, stepIds, selectedOnCanvas, ready, getNode, getViewport, setViewport]);
}
