/**
 * Tabs on Radix UI: arrow keys move between tabs, Home/End jump, the panel is labelled by its tab.
 * The tab row wraps (`.tabs` is flex-wrap) so a narrow inspector never scrolls sideways.
 */
import type { ReactNode } from 'react';
import { Tabs as RadixTabs } from 'radix-ui';

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

export function Tabs<T extends string>({ label, value, onChange, items, panelClassName, children }: TabsProps<T>) {
  return (
    <RadixTabs.Root value={value} onValueChange={(v) => onChange(v as T)} activationMode="manual">
      <RadixTabs.List className="tabs" aria-label={label}>
        {items.map((item) => (
          <RadixTabs.Trigger key={item.id} value={item.id} data-testid={item.testId}>{item.label}</RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      <RadixTabs.Content value={value} className={panelClassName}>{children}</RadixTabs.Content>
    </RadixTabs.Root>
  );
}
