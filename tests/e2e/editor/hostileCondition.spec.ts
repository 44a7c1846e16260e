/**
 * Hostile condition expressions are data, never code: the inspector and the problems list show
 * them as errors, running the connector reports the validation problem and sends nothing, no
 * dialog opens and Object.prototype stays clean in the page.
 */
import { attachScreenshot, expect, test } from './editorFixtures.js';

const CODE_INJECTION = "constructor.constructor('alert(1)')()";
const PROTO_PROBE = '{{step_1.__proto__}}';

test('a hostile condition is shown as an error and never run', async ({ page, sandbox, editorPage: editor, openEmptyWorkspace }, testInfo) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  await page.addInitScript(() => {
    // Counts calls even if something swallowed the dialog event.
    const w = window as unknown as { __alerts: number };
    w.__alerts = 0;
    window.alert = () => { w.__alerts++; };
  });

  await openEmptyWorkspace();
  await page.getByTestId('new-connector-button').click();
  await editor.selectStep('step_1');
  await editor.setUrl(`${sandbox.url}/search`);

  // A step's own condition that tries to reach the Function constructor.
  await editor.typeInMonaco('step-condition-editor', CODE_INJECTION);
  await expect(page.getByTestId('step-condition-error')).toBeVisible();
  await expect(editor.node('step_1').getByTestId('node-issue-badge')).toBeVisible();

  // A second step behind a link whose condition probes the prototype.
  await editor.dragNewStepFrom('step_1', 280, 0);
  await expect(editor.node('step_2')).toBeVisible();
  await editor.selectStep('step_2');
  await editor.setUrl(`${sandbox.url}/verify`);
  await page.getByRole('button', { name: '← from step_1' }).click();
  await expect(page.getByTestId('edge-inspector')).toBeVisible();
  await editor.typeInMonaco('condition-editor', PROTO_PROBE);
  await expect(page.getByTestId('condition-error')).toBeVisible();
  await attachScreenshot(page, testInfo, 'hostile-condition-inspector');

  // Both appear in the problems list, and each entry jumps to its field.
  await page.getByTestId('panel-tab-problems').click();
  // Each names its step or edge and field in the editor's words, not a JSON path.
  const problems = page.getByTestId('problem');
  const stepProblem = problems.filter({ hasText: /\(step_1\): Condition \(Run only if\) / });
  const edgeProblem = problems.filter({ hasText: 'Edge step_1 → step_2: Condition ' });
  await expect(stepProblem).toHaveCount(1);
  await expect(edgeProblem).toHaveCount(1);
  await expect(stepProblem).toHaveAttribute('data-path', 'steps[0].condition');
  await expect(edgeProblem).toHaveAttribute('data-path', 'edges[0].condition');
  await expect(problems.first()).not.toContainText('steps[0]');
  await expect(page.getByTestId('problems-count')).not.toHaveText('Valid');
  await edgeProblem.click();
  await expect(page.getByTestId('edge-inspector')).toBeVisible();
  await stepProblem.click();
  await expect(page.getByTestId('step-inspector')).toHaveAttribute('data-step-id', 'step_1');
  await expect(page.getByTestId('step-condition-error')).toBeVisible();

  // Running (button and Ctrl+Enter) reports the validation problem and sends nothing.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-error')).toContainText('Not run: fix the connector first');
  await expect(page.getByTestId('run-error')).toContainText('(step_1): Condition (Run only if) does not parse');
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('run-error')).toContainText('Not run');
  await expect(page.getByTestId('run-status')).toHaveCount(0);
  await expect(editor.node('step_1')).toHaveAttribute('data-status', 'idle');
  expect(sandbox.requests).toEqual([]);

  // Nothing was executed in the page.
  const page_state = await page.evaluate(() => ({
    alerts: (window as unknown as { __alerts: number }).__alerts,
    prototypeKeys: Object.getOwnPropertyNames(Object.prototype).filter((k) => !['constructor', '__defineGetter__', '__defineSetter__', 'hasOwnProperty', '__lookupGetter__', '__lookupSetter__', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'valueOf', '__proto__', 'toLocaleString'].includes(k)),
    enumerable: Object.keys(Object.prototype),
  }));
  expect(page_state).toEqual({ alerts: 0, prototypeKeys: [], enumerable: [] });
  expect(dialogs).toEqual([]);
});
