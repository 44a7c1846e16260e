/**
 * Tooltips on Radix UI: shown on hover and on keyboard focus, announced as the trigger's description.
 * `TruncatedText` cuts a line with an ellipsis and shows the whole text only when it was actually cut.
 */
import { useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Tooltip as RadixTooltip } from 'radix-ui';

export const TooltipProvider = ({ children }: { children: ReactNode }) => (
  <RadixTooltip.Provider delayDuration={400} skipDelayDuration={200}>{children}</RadixTooltip.Provider>
);

export interface TooltipProps {
  content: ReactNode;
  /** One element that takes a ref (a button, a span…). */
  children: ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

export function Tooltip({ content, children, open, onOpenChange }: TooltipProps) {
  return (
    <RadixTooltip.Root open={open} onOpenChange={onOpenChange}>
      <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content className="tooltip" data-testid="tooltip" sideOffset={4} collisionPadding={8}>{content}</RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  );
}

export interface TruncatedTextProps {
  text: string;
  className?: string;
  testId?: string;
  /** More than one line: the text is clamped to that many lines, with an ellipsis at the end. */
  lines?: number;
}

/** Text cut with an ellipsis where it does not fit (one line, or `lines`); hovering cut text shows all of it. */
export function TruncatedText({ text, className, testId, lines = 1 }: TruncatedTextProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  const isCut = () => { const el = ref.current; return el !== null && (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1); };
  const base = lines > 1 ? 'clamp' : 'truncate';
  return (
    <Tooltip content={text} open={open} onOpenChange={(next) => setOpen(next && isCut())}>
      <span ref={ref} className={className ? `${base} ${className}` : base} data-testid={testId}
        style={lines > 1 ? { WebkitLineClamp: lines } : undefined}>{text}</span>
    </Tooltip>
  );
}
