/**
 * The renderer half of the TEST-ONLY transform kind (core: core/test-helpers/steps/transform/):
 * a "ƒx" badge and the value's keys on the canvas, and a JSON editor for `value` in the inspector.
 * A test adds it to the lookup with one line, `new Map([...APP_STEP_VIEWS, ['transform', transformView]])`,
 * given to <StepViewsProvider>; nothing else in the renderer changes for it.
 */
import { useState } from 'react';
import type { TransformStep } from '#core/test-helpers/steps/transform';
import { defineStepView, type StepEditorProps, type StepNodeProps } from '../../../steps/stepKindView.js';

function TransformBadge() {
  return <span className="method" data-testid="transform-badge">ƒx</span>;
}

function TransformBody({ step }: StepNodeProps<TransformStep>) {
  return <div className="step-node-url mono" data-testid="transform-keys">builds {Object.keys(step.value).join(', ') || 'nothing'}</div>;
}

function TransformEditor({ step, edit, issueFor, fieldClass }: StepEditorProps<TransformStep>) {
  const [text, setText] = useState(() => JSON.stringify(step.value, null, 2));
  const issue = issueFor('value');
  return (
    <div className={fieldClass('value')}>
      <label htmlFor="transform-value">Value (JSON; strings may hold templates)</label>
      <textarea id="transform-value" data-testid="transform-value-input" rows={6} value={text} onChange={(e) => {
        setText(e.target.value);
        try {
          edit({ value: JSON.parse(e.target.value) as TransformStep['value'] }, 'value');
        } catch {
          // not valid JSON yet: the last valid value is kept
        }
      }} />
      {issue && <p className="field-error" data-testid="field-error">{issue.message}</p>}
    </div>
  );
}

export const transformView = defineStepView<TransformStep>({
  NodeBadge: TransformBadge,
  NodeBody: TransformBody,
  Editor: TransformEditor,
  tabs: [],
});
