/**
 * A condition in a one-line Monaco editor (edge conditions and a step's own condition):
 * `{{` autocomplete of the variables allowed there, live syntax check with core's parser,
 * and core's validation issues for the same path. Nothing here evaluates the expression.
 */
import type { ValidationIssue, Variable } from '#core';
import { MonacoField } from '../monaco/MonacoField.js';
import { conditionError } from './conditionError.js';
import { withHint } from '../services/errorMessage.js';

export interface ConditionFieldProps {
  label: string;
  value: string | undefined;
  onChange: (condition: string | undefined) => void;
  variables: Variable[];
  /** Core issues about this condition (already filtered to its path). */
  issues: ValidationIssue[];
  highlighted?: boolean;
  testId: string;
  errorTestId: string;
}

export function ConditionField({ label, value, onChange, variables, issues, highlighted = false, testId, errorTestId }: ConditionFieldProps) {
  const syntax = conditionError(value);
  // Core reports the same parse failure; show it once, in the parser's words.
  const other = syntax ? [] : issues;
  return (
    <div className={`field${syntax || other.length || highlighted ? ' highlight' : ''}`}>
      <label>{label}</label>
      <MonacoField singleLine language="plaintext" ariaLabel={label} testId={testId} value={value ?? ''} completions={variables}
        onChange={(text) => onChange(text.trim() === '' ? undefined : text)} />
      {syntax && <p className="field-error" role="alert" data-testid={errorTestId}>{syntax}</p>}
      {other.map((i) => <p key={i.path + i.message} className="field-error" data-testid={errorTestId}>{withHint(i.message, i.hint)}</p>)}
      <p className="muted">Example: <code>{'{{search.count}} > 0'}</code>. Operators: === !== == != &lt; &lt;= &gt; &gt;= &amp;&amp; || !. Type <code>{'{{'}</code> for variables.</p>
    </div>
  );
}
