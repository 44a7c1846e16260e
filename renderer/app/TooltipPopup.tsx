/**
 * The Radix UI tooltip behind TruncatedText (app/Tooltip.tsx), in a chunk of its own: loaded when
 * the pointer first rests on cut text (or once the first screen is idle), not at start-up. Each
 * tooltip brings its own provider: TruncatedText mounts one only after its own hover delay.
 */
import type { ReactElement, ReactNode } from 'react';
import { Tooltip as RadixTooltip } from 'radix-ui';

export interface TooltipProps {
  content: ReactNode;
  /** One element that takes a ref (a button, a span…). */
  children: ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Hover time before it shows (ms). */
  delay: number;
}

export function Tooltip({ content, children, open, onOpenChange, delay }: TooltipProps) {
  return (
    <RadixTooltip.Provider delayDuration={delay} skipDelayDuration={200}>
    <RadixTooltip.Root open={open} onOpenChange={onOpenChange}>
      <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content className="tooltip" data-testid="tooltip" sideOffset={4} collisionPadding={8}>{content}</RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
