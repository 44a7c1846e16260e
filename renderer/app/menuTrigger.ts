/** What a menu button is before and after its Radix menu is mounted (app/Menu.tsx, app/MenuPopup.tsx). */
import type { ReactNode } from 'react';

export interface MenuItem {
  id: string;
  label: ReactNode;
  /** Read by type-ahead and screen readers when the label is not plain text. */
  textValue?: string;
  testId?: string;
  disabled?: boolean;
  onSelect: () => void;
}

export interface MenuProps {
  /** The button's content. */
  trigger: ReactNode;
  triggerLabel?: string;
  triggerTestId?: string;
  triggerClassName?: string;
  /** The button's tooltip (its title). */
  triggerTitle?: string;
  items: readonly MenuItem[];
  /** Shown instead of items when there are none. */
  empty?: ReactNode;
  align?: 'start' | 'end';
  disabled?: boolean;
  /** Told when the menu opens and closes (a menu can then read its items only while open). */
  onOpenChange?: (open: boolean) => void;
}

/** The keys that open a menu button (WAI-ARIA menu button pattern, as Radix's trigger does). */
export const OPENING_KEYS = new Set(['Enter', ' ', 'ArrowDown']);

/** The press that first opened a menu, replayed on the Radix trigger once it is mounted. */
export type FirstPress = { pointer: true } | { key: string };

/** The button's own attributes, the same before and after the Radix menu is mounted. */
export function triggerAttributes(props: MenuProps) {
  return { type: 'button', className: props.triggerClassName, 'aria-label': props.triggerLabel, title: props.triggerTitle, 'data-testid': props.triggerTestId } as const;
}
