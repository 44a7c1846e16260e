/**
 * The editor's keyboard shortcuts, in one list: the shortcut help dialog (?) shows it, and
 * docs/guide/keyboard.md repeats it (tests/unit/keyboardGuide.test.ts keeps the two the same).
 */
export interface Shortcut {
  keys: string;
  does: string;
}

export const EDITOR_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'F6 / Shift+F6', does: 'Move between the toolbar, the canvas, the run bar, the run panels and the inspector.' },
  { keys: 'Tab / Shift+Tab', does: 'Move between steps, links and fields (on the canvas, steps and links are in the tab order).' },
  { keys: 'Enter or Space (on a step or link)', does: 'Select it and show it in the inspector.' },
  { keys: 'Arrow keys (selected step)', does: 'Move the step on the canvas.' },
  { keys: 'Steps ▾ (toolbar)', does: 'Choose a step from a list to select it.' },
  { keys: '+ Step', does: 'Add a step after the selected one, linked to it; with none selected, after the last step of a single chain. The name field of the new step takes the keyboard.' },
  { keys: 'Link to… (inspector)', does: 'Link the selected step to another step; the new link opens with its condition.' },
  { keys: 'Delete / Backspace', does: 'Remove the selected steps or links.' },
  { keys: 'Ctrl/Cmd+Enter', does: 'Run the connector (also while typing in a field).' },
  { keys: 'Ctrl/Cmd+S', does: 'Save.' },
  { keys: 'Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z or Ctrl+Y', does: 'Undo and redo (outside text fields, which keep their own undo).' },
  { keys: 'Ctrl/Cmd+C, V, D, A (canvas)', does: 'Copy, paste, duplicate and select all steps.' },
  { keys: '{{ (in a condition or body)', does: 'List the inputs, step outputs and credentials the field may use; Enter or Tab takes one, Ctrl+Space shows the list again.' },
  { keys: 'Ctrl/Cmd+F, Ctrl/Cmd+H (in a code editor)', does: 'Find, and find and replace, in the body.' },
  { keys: 'Shift+Alt+F (in a code editor)', does: 'Format the JSON body.' },
  { keys: 'Ctrl+M (in a code editor)', does: 'Let Tab leave a multi-line code editor (the JSON body) instead of indenting.' },
  { keys: 'Escape', does: 'Close a dialog, menu or autocomplete list.' },
  { keys: 'F8', does: 'Move the focus to the notifications.' },
  { keys: '?', does: 'Show this list.' },
];

/** The editor's regions in F6 order: each entry is the region and what in it takes focus first. */
export const FOCUS_REGIONS: readonly { region: string; first: string }[] = [
  { region: '.editor-toolbar', first: 'button:not(:disabled)' },
  { region: '[data-testid="canvas"]', first: '.react-flow__node.selected, .react-flow__node' },
  { region: '.run-bar', first: 'input, select, button:not(:disabled)' },
  { region: '.bottom-panel [role="tablist"]', first: '[role="tab"][aria-selected="true"]' },
  { region: '[data-testid="inspector"]', first: 'input, select, textarea, button:not(:disabled), [role="tab"][aria-selected="true"]' },
];

/** Focuses the next (or previous) region after the one holding `active`; returns the element focused. */
export function focusNextRegion(root: ParentNode, active: Element | null, backwards: boolean): HTMLElement | null {
  const regions = FOCUS_REGIONS.map((r) => ({ el: root.querySelector(r.region), first: r.first })).filter((r) => r.el !== null);
  if (regions.length === 0) return null;
  const current = regions.findIndex((r) => active !== null && r.el!.contains(active));
  const step = backwards ? -1 : 1;
  for (let i = 1; i <= regions.length; i++) {
    const next = regions[(current + step * i + regions.length * 2) % regions.length]!;
    const target = next.el!.querySelector<HTMLElement>(next.first);
    if (target) { target.focus(); return target; }
  }
  return null;
}
