/**
 * `TruncatedText` cuts a line with an ellipsis and shows the whole text, in a Radix UI tooltip
 * (app/TooltipPopup.tsx, loaded on first hover), only when it was actually cut.
 */
import { Suspense, useEffect, useRef, useState } from 'react';
import { preloadable } from './preloadable.js';

const popup = preloadable(() => import('./TooltipPopup.js').then((m) => m.Tooltip));
/** Loads the Radix tooltip ahead of the first hover (the dashboard calls it once it is idle). */
export const preloadTooltip = () => popup.preload().then(() => undefined, () => undefined);

const TOOLTIP_DELAY_MS = 400;

export interface TruncatedTextProps {
  text: string;
  className?: string;
  testId?: string;
  /** More than one line: the text is clamped to that many lines, with an ellipsis at the end. */
  lines?: number;
}

/**
 * Text cut with an ellipsis where it does not fit (one line, or `lines`); hovering cut text shows all of it.
 * The Radix tooltip is mounted only once the pointer rests on text that is cut: a dashboard shows
 * two of these on every card, and mounting a Radix tooltip for each was a large part of its first render.
 */
export function TruncatedText({ text, className, testId, lines = 1 }: TruncatedTextProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  const [armed, setArmed] = useState(false);
  const hoverTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(hoverTimer.current), []);
  // Mounted under a resting pointer, the new element gets no pointerleave from Chromium, which is
  // what Radix closes on: while open, a move off the text (and off the tooltip) closes it too.
  useEffect(() => {
    if (!open) return;
    const onMove = (event: PointerEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target && (ref.current?.contains(target) || target.closest('.tooltip'))) return;
      setOpen(false);
    };
    document.addEventListener('pointermove', onMove);
    return () => document.removeEventListener('pointermove', onMove);
  }, [open]);
  const isCut = () => { const el = ref.current; return el !== null && (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1); };
  const base = lines > 1 ? 'clamp' : 'truncate';
  const span = (
    <span ref={ref} className={className ? `${base} ${className}` : base} data-testid={testId}
      style={lines > 1 ? { WebkitLineClamp: lines } : undefined}
      onPointerEnter={armed ? undefined : () => {
        void preloadTooltip();
        window.clearTimeout(hoverTimer.current);
        // After the tooltip's usual delay, still on the text and the text is cut: mount it open.
        hoverTimer.current = window.setTimeout(() => {
          if (!ref.current?.matches(':hover') || !isCut()) return;
          setArmed(true);
          setOpen(true);
        }, TOOLTIP_DELAY_MS);
      }}
      onPointerLeave={armed ? undefined : () => window.clearTimeout(hoverTimer.current)}>{text}</span>
  );
  if (!armed) return span;
  return <Suspense fallback={span}><popup.Component delay={TOOLTIP_DELAY_MS} content={text} open={open} onOpenChange={(next) => setOpen(next && isCut())}>{span}</popup.Component></Suspense>;
}
