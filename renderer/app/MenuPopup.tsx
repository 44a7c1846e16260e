/**
 * The Radix UI DropdownMenu behind a menu button, in a chunk of its own: loaded when a menu is
 * first pressed (or hovered, or once the first screen is idle), so the app's start-up does not
 * compile and evaluate Radix's menu, popper and focus code (app/Menu.tsx).
 */
import { useEffect, useRef } from 'react';
import { DropdownMenu } from 'radix-ui';
import { triggerAttributes, type FirstPress, type MenuProps } from './menuTrigger.js';

export function RadixMenu({ firstPress, ...props }: MenuProps & { firstPress: FirstPress }) {
  const { trigger, items, empty, align = 'start', disabled, onOpenChange } = props;
  const triggerRef = useRef<HTMLButtonElement>(null);
  const replayed = useRef(false);
  // The press that mounted this menu, replayed on Radix's trigger: Radix then opens it its own
  // way (from a key, with the first item focused). This effect runs after the Radix root's own,
  // which listen for keys; the ref keeps a development double effect from replaying it twice.
  useEffect(() => {
    const button = triggerRef.current;
    if (!button || replayed.current) return;
    replayed.current = true;
    button.focus();
    button.dispatchEvent('key' in firstPress
      ? new window.KeyboardEvent('keydown', { key: firstPress.key, bubbles: true, cancelable: true })
      : new window.PointerEvent('pointerdown', { button: 0, pointerType: 'mouse', bubbles: true, cancelable: true }));
  }, [firstPress]);
  return (
    <DropdownMenu.Root modal={false} onOpenChange={onOpenChange}>
      <DropdownMenu.Trigger asChild disabled={disabled}>
        <button ref={triggerRef} {...triggerAttributes(props)}>{trigger}</button>
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
