/**
 * A menu button on Radix UI's DropdownMenu: opens with Enter, Space or ↓, arrow keys and type-ahead
 * move between items, Escape closes and gives focus back to the button.
 *
 * Until it is first opened it is a plain button: a dashboard renders a menu on every card, and
 * Radix's root, trigger, popper anchor and presence cost more to mount than the rest of a card
 * (bench/README.md, renderer figures). The first press mounts the Radix menu and is replayed on it.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
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

/** The keys that open a menu button (WAI-ARIA menu button pattern, as Radix's trigger does). */
const OPENING_KEYS = new Set(['Enter', ' ', 'ArrowDown']);

/** The press that first opened a menu, replayed on the Radix trigger once it is mounted. */
type FirstPress = { pointer: true } | { key: string };

/** The button's own attributes, the same before and after the Radix menu is mounted. */
function triggerAttributes(props: MenuProps) {
  return { type: 'button', className: props.triggerClassName, 'aria-label': props.triggerLabel, title: props.triggerTitle, 'data-testid': props.triggerTestId } as const;
}

export function Menu(props: MenuProps) {
  const [firstPress, setFirstPress] = useState<FirstPress | null>(null);
  if (firstPress !== null) return <RadixMenu {...props} firstPress={firstPress} />;
  return (
    <button {...triggerAttributes(props)} disabled={props.disabled} aria-haspopup="menu" aria-expanded={false}
      onPointerDown={(event: PointerEvent) => {
        // As Radix's trigger: the main button of a mouse, pen or touch, without Ctrl (a context-menu click on macOS).
        if (event.button !== 0 || event.ctrlKey) return;
        event.preventDefault();
        setFirstPress({ pointer: true });
      }}
      onKeyDown={(event: KeyboardEvent) => {
        if (!OPENING_KEYS.has(event.key)) return;
        event.preventDefault();
        setFirstPress({ key: event.key });
      }}>
      {props.trigger}
    </button>
  );
}

function RadixMenu({ firstPress, ...props }: MenuProps & { firstPress: FirstPress }) {
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
