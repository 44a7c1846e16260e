/** A text field with `{{` autocomplete of the variables this place may use (from core). */
import { useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { Variable } from '#core';
import { applyCompletion, templateCompletion, type TemplateCompletion } from './templateCompletion.js';

export interface TemplateInputProps {
  value: string;
  onChange: (value: string) => void;
  variables: Variable[];
  ariaLabel?: string;
  id?: string;
  placeholder?: string;
  testId?: string;
  invalid?: boolean;
  /** Long values (URLs) wrap onto more lines instead of scrolling out of sight; Enter never adds a line. */
  wrap?: boolean;
}

export function TemplateInput({ value, onChange, variables, ariaLabel, id, placeholder, testId, invalid, wrap = false }: TemplateInputProps) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const listId = useId();
  const [completion, setCompletion] = useState<TemplateCompletion | null>(null);
  const [active, setActive] = useState(0);

  const refresh = (text: string, caret: number) => {
    const next = templateCompletion(text, caret, variables);
    setCompletion(next && next.items.length > 0 ? next : null);
    setActive(0);
  };

  const choose = (variable: Variable) => {
    if (!completion) return;
    const applied = applyCompletion(value, completion, variable);
    onChange(applied.text);
    setCompletion(null);
    requestAnimationFrame(() => ref.current?.setSelectionRange(applied.caret, applied.caret));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (!completion) {
      if (wrap && e.key === 'Enter') e.preventDefault();
      return;
    }
    if (e.key === 'ArrowDown') { setActive((a) => (a + 1) % completion.items.length); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { setActive((a) => (a - 1 + completion.items.length) % completion.items.length); e.preventDefault(); }
    else if (e.key === 'Enter' || e.key === 'Tab') {
      const item = completion.items[active];
      if (item) { choose(item); e.preventDefault(); }
    } else if (e.key === 'Escape') { setCompletion(null); e.stopPropagation(); }
  };

  const Field = wrap ? 'textarea' : 'input';
  return (
    <div className="template-input">
      <Field
        ref={ref} id={id} value={value} placeholder={placeholder} aria-label={ariaLabel} data-testid={testId}
        role="combobox" aria-expanded={completion !== null} aria-controls={listId} aria-autocomplete="list" aria-invalid={invalid || undefined}
        spellCheck={false} autoComplete="off" {...(wrap ? { rows: 1, className: 'wrap' } : {})}
        onChange={(e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => { onChange(e.target.value); refresh(e.target.value, e.target.selectionStart ?? e.target.value.length); }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setCompletion(null), 150)}
      />
      {completion && (
        <ul className="completion-list" id={listId} role="listbox" data-testid="template-completions">
          {completion.items.map((v, i) => (
            <li key={v.ref} role="option" aria-selected={i === active} className={i === active ? 'active' : ''}
              onMouseDown={(e) => { e.preventDefault(); choose(v); }}>
              <code>{v.ref}</code> <span className="muted">{v.label}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
