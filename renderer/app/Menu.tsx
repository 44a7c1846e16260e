/**
 * A menu button on Radix UI's DropdownMenu: opens with Enter, Space or ↓, arrow keys and type-ahead
 * move between items, Escape closes and gives focus back to the button.
 */
import type { ReactNode } from 'react';
import { DropdownMenu } from 'radix-ui';

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

export function Menu({ trigger, triggerLabel, triggerTestId, triggerClassName, triggerTitle, items, empty, align = 'start', disabled, onOpenChange }: MenuProps) {
  return (
    <DropdownMenu.Root modal={false} onOpenChange={onOpenChange}>
      <DropdownMenu.Trigger asChild disabled={disabled}>
        <button type="button" className={triggerClassName} aria-label={triggerLabel} title={triggerTitle} data-testid={triggerTestId}>{trigger}</button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align={align} sideOffset={4} collisionPadding={8}>
          {items.length === 0 && empty && <div className="menu-empty muted">{empty}</div>}
          {items.map((item) => (
            <DropdownMenu.Item key={item.id} className="menu-item" data-testid={item.testId} disabled={item.disabled} textValue={item.textValue}
              onSelect={item.onSelect}>{item.label}</DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
