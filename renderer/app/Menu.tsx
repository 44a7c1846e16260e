/**
 * A menu button on Radix UI's DropdownMenu: opens with Enter, Space or ↓, arrow keys and type-ahead
 * move between items, Escape closes and gives focus back to the button.
 *
 * Until it is first opened it is a plain button: a dashboard renders a menu on every card, and
 * Radix's root, trigger, popper anchor and presence cost more to mount than the rest of a card
 * (bench/README.md, renderer figures). The first press mounts the Radix menu and is replayed on it.
 * The Radix menu is in its own chunk (app/MenuPopup.tsx), loaded on hover, focus or that press.
 */
import { Suspense, useState, type ButtonHTMLAttributes, type KeyboardEvent, type PointerEvent } from 'react';
import { OPENING_KEYS, triggerAttributes, type FirstPress, type MenuProps } from './menuTrigger.js';
import { preloadable } from './preloadable.js';

export type { MenuProps } from './menuTrigger.js';

const popup = preloadable(() => import('./MenuPopup.js').then((m) => m.RadixMenu));
/** Loads the Radix menu ahead of the first press (the dashboard calls it once it is idle). */
export const preloadMenu = () => popup.preload().then(() => undefined, () => undefined);

export function Menu(props: MenuProps) {
  const [firstPress, setFirstPress] = useState<FirstPress | null>(null);
  /** The closed menu button; with no handlers, it stands in while the popup's chunk loads (rarely: it is preloaded). */
  const closedButton = (handlers: ButtonHTMLAttributes<HTMLButtonElement> = {}) => (
    <button {...triggerAttributes(props)} disabled={props.disabled} aria-haspopup="menu" aria-expanded={false} {...handlers}>{props.trigger}</button>
  );
  if (firstPress !== null) return <Suspense fallback={closedButton()}><popup.Component {...props} firstPress={firstPress} /></Suspense>;
  return closedButton({
    onPointerEnter: () => void preloadMenu(),
    onFocus: () => void preloadMenu(),
    onPointerDown: (event: PointerEvent) => {
      // As Radix's trigger: the main button of a mouse, pen or touch, without Ctrl (a context-menu click on macOS).
      if (event.button !== 0 || event.ctrlKey) return;
      event.preventDefault();
      setFirstPress({ pointer: true });
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (!OPENING_KEYS.has(event.key)) return;
      event.preventDefault();
      setFirstPress({ key: event.key });
    },
  });
}
