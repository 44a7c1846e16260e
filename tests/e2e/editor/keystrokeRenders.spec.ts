/**
 * What one keystroke in a step's name redraws. A stand-in for React DevTools' hook, installed
 * before the app loads, walks each committed fiber tree the way DevTools does (a subtree whose
 * child list is the previous one's did not render) and names each rendered component by the
 * first DOM element it draws (the build is minified, so component names are not kept).
 * Exactly two components may draw again per key: the inspector's name field and the edited
 * node's label (both read the name from the document themselves). Nothing else: not the node
 * around the label, the other nodes, React Flow's view, minimap and controls, the rest of the
 * inspector, the toolbar, nor the editor's resizable panels (6 renders for 3 keys, from 519 on main).
 */
import { expect, test } from './editorFixtures.js';

declare global {
  interface Window {
    __renders: { start: () => void; stop: () => string[] };
  }
}

function installRenderCounter(): void {
  const rendered: string[] = [];
  let counting = false;
  type Fiber = { type: unknown; flags: number; child: Fiber | null; sibling: Fiber | null; alternate: Fiber | null; memoizedProps: Record<string, unknown> | null };
  /** What the component draws first: `testid=…` (with `#step id`) or `class=…` of its first element. */
  const describe = (fiber: Fiber): string => {
    let host: Fiber | null = fiber.child;
    while (host && typeof host.type !== 'string') host = host.child;
    const props = host?.memoizedProps ?? {};
    if (props['data-testid']) return `testid=${String(props['data-testid'])}${props['data-step-id'] ? `#${String(props['data-step-id'])}` : ''}`;
    return `class=${String(props.className ?? '')}`;
  };
  const walk = (fiber: Fiber, previous: Fiber | null) => {
    // Function and class components (not DOM elements, fragments or context providers).
    const isComponent = typeof fiber.type === 'function' || (typeof fiber.type === 'object' && fiber.type !== null && 'render' in fiber.type);
    // PerformedWork (1): the component ran this commit; a new fiber mounted.
    if (isComponent && (!previous || (fiber.flags & 1) === 1)) rendered.push(describe(fiber));
    if (previous && fiber.child === previous.child) return;
    for (let child = fiber.child; child; child = child.sibling) walk(child, child.alternate);
  };
  Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
    value: {
      supportsFiber: true, renderers: new Map(), inject: () => 1, checkDCE: () => undefined,
      onCommitFiberUnmount: () => undefined, onPostCommitFiberRoot: () => undefined,
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => { if (counting) walk(root.current, root.current.alternate); },
    },
  });
  window.__renders = { start: () => { rendered.length = 0; counting = true; }, stop: () => { counting = false; return [...rendered]; } };
}

test('a keystroke in a step name redraws that node, not the rest of the canvas or the panels', async ({ page, editorPage: editor, openEmptyWorkspace }) => {
  await page.addInitScript(installRenderCounter);
  await openEmptyWorkspace();
  await page.getByTestId('new-connector-button').click();
  await page.getByTestId('add-step-button').click();
  await page.getByTestId('add-step-button').click();
  await expect(editor.node('step_3')).toBeVisible();
  await editor.selectStep('step_2');
  const name = page.getByTestId('step-name-input');
  await name.click();
  await page.keyboard.press('End');
  // Let the selection's own renders (and any deferred ones) settle before counting.
  await page.waitForTimeout(500);

  await page.evaluate(() => window.__renders.start());
  await page.keyboard.type('xyz', { delay: 50 });
  await expect(editor.nodeName('step_2')).toHaveText(/xyz$/);
  await page.waitForTimeout(500);
  const rendered = await page.evaluate(() => window.__renders.stop());

  // The counter saw the edit: the name field and the edited node's label, once per key, and nothing else.
  expect(rendered.sort()).toEqual([...Array(3).fill('testid=step-name-field'), ...Array(3).fill('testid=step-node-name#step_2')]);
});
