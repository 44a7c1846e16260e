/**
 * Tabs on Radix UI: arrow keys move between tabs, Home/End jump, the panel is labelled by its tab.
 * The tabs sit on one row that never scrolls sideways: the ones that do not fit go into a
 * "More ▾" menu after the row (Radix DropdownMenu, so the keyboard reaches it with Tab), and the
 * active tab is always on the row (renderer/app/tabOverflow.ts decides which go). The arrow keys
 * still walk every tab: one from the menu comes onto the row while it has the focus.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { DropdownMenu, Tabs as RadixTabs } from 'radix-ui';
import { overflowingTabs } from './tabOverflow.js';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
  testId?: string;
}

export interface TabsProps<T extends string> {
  /** The accessible name of the tab list. */
  label?: string;
  value: T;
  onChange: (value: T) => void;
  items: readonly TabItem<T>[];
  panelClassName?: string;
  /** The selected tab's panel. */
  children: ReactNode;
}

interface Measured {
  /** The tabs' labels when they were measured. */
  itemsKey: string;
  widths: number[];
  gap: number;
  moreWidth: number;
  /** The strip's width. */
  available: number;
}

const textOf = (label: ReactNode): string => (typeof label === 'string' || typeof label === 'number' ? String(label) : '');

export function Tabs<T extends string>({ label, value, onChange, items, panelClassName, children }: TabsProps<T>) {
  const barRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  /** The strip's width as its ResizeObserver last reported it; null until it has. */
  const [width, setWidth] = useState<number | null>(null);
  const [measured, setMeasured] = useState<Measured | null>(null);
  /** The tab just chosen from the menu, which gets the focus when the menu closes. */
  const picked = useRef<T | null>(null);
  /** A tab from the menu that the arrow keys moved to: on the row while it has the focus. */
  const [arrowed, setArrowed] = useState<T | null>(null);
  const focusNext = useRef<T | null>(null);

  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const observer = new ResizeObserver(() => setWidth(bar.clientWidth));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  const itemsKey = items.map((item) => `${item.id}:${textOf(item.label)}`).join('\u0000');
  const measuring = measured === null || measured.itemsKey !== itemsKey || (width !== null && width !== measured.available);
  // While measuring, every tab is on the row (it does not wrap) and is measured before the paint:
  // the strip and its tabs in one layout, so a first render costs one forced layout, not two.
  useLayoutEffect(() => {
    if (!measuring) return;
    const list = listRef.current;
    const bar = barRef.current;
    if (!list || !bar) return;
    const triggers = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
    setMeasured({
      itemsKey,
      widths: triggers.map((el) => el.getBoundingClientRect().width),
      gap: Number.parseFloat(getComputedStyle(list).columnGap) || 0,
      moreWidth: moreRef.current?.getBoundingClientRect().width ?? 0,
      available: bar.clientWidth,
    });
  }, [measuring, itemsKey, width]);

  const activeIndex = items.findIndex((item) => item.id === value);
  const keep = [activeIndex, items.findIndex((item) => item.id === arrowed)];
  const hidden = new Set(measuring || !measured || measured.available === 0 ? [] : overflowingTabs(measured, keep).map((i) => items[i]!.id));

  // The arrow keys walk every tab, as if the row scrolled: one in the menu comes onto the row and takes the focus.
  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = items.length - 1;
    const target = event.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0 : event.key === 'End' ? last : -1;
    const id = items[target]?.id;
    if (id === undefined || !hidden.has(id)) return; // Radix moves the focus to a tab on the row.
    event.preventDefault();
    focusNext.current = id;
    setArrowed(id);
  };
  useLayoutEffect(() => {
    const id = focusNext.current;
    if (id === null || hidden.has(id)) return;
    focusNext.current = null;
    listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[items.findIndex((item) => item.id === id)]?.focus();
  });
  const overflow = items.filter((item) => hidden.has(item.id));
  const moreHasWarning = overflow.some((item) => textOf(item.label).includes('⚠'));

  return (
    <RadixTabs.Root value={value} onValueChange={(v) => onChange(v as T)} activationMode="manual">
      <div className={`tabs-bar${measuring ? ' measuring' : ''}`} ref={barRef}>
        <RadixTabs.List className="tabs" aria-label={label} ref={listRef}
          onBlur={(event) => { if (arrowed !== null && !event.currentTarget.contains(event.relatedTarget)) setArrowed(null); }}>
          {items.map((item, index) => (
            <RadixTabs.Trigger key={item.id} value={item.id} data-testid={item.testId} hidden={hidden.has(item.id)}
              onKeyDown={(event) => onTabKeyDown(event, index)}
              onFocus={() => { if (arrowed !== null && arrowed !== item.id && focusNext.current === null) setArrowed(null); }}>{item.label}</RadixTabs.Trigger>
          ))}
        </RadixTabs.List>
        {(measuring || overflow.length > 0) && (
          <DropdownMenu.Root modal={false}>
            <DropdownMenu.Trigger asChild>
              <button type="button" className="tabs-more" ref={moreRef} data-testid="tabs-more" aria-hidden={measuring && overflow.length === 0 ? true : undefined}
                tabIndex={overflow.length === 0 ? -1 : undefined} aria-label={`More tabs${label ? ` of ${label}` : ''}: ${overflow.map((item) => textOf(item.label) || item.id).join(', ')}`}>
                More{moreHasWarning ? ' ⚠' : ''} ▾
              </button>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content className="menu" align="end" sideOffset={4} collisionPadding={8}
                onCloseAutoFocus={(event) => {
                  // Focus the tab just chosen (now on the row), as if it had been reached with the arrows.
                  const id = picked.current;
                  picked.current = null;
                  if (id === null) return;
                  event.preventDefault();
                  const index = items.findIndex((item) => item.id === id);
                  listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[index]?.focus();
                }}>
                {overflow.map((item) => (
                  <DropdownMenu.Item key={item.id} className="menu-item" data-testid={item.testId ? `${item.testId}-more` : undefined} textValue={textOf(item.label) || item.id}
                    onSelect={() => { picked.current = item.id; onChange(item.id); }}>{item.label}</DropdownMenu.Item>
                ))}
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        )}
      </div>
      <RadixTabs.Content value={value} className={panelClassName}>{children}</RadixTabs.Content>
    </RadixTabs.Root>
  );
}
