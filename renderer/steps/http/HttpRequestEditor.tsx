/** The HTTP kind's editor at the top of the inspector: method and URL, with the URL's issue under them. */
import { HTTP_METHODS } from '#core';
import { TemplateInput } from '../../inspector/TemplateInput.js';
import type { StepEditorProps, StepOf } from '../stepKindView.js';
import { withHint } from '../../services/errorMessage.js';

type HttpStep = StepOf<'http'>;

export function HttpRequestEditor({ step, edit, issueFor, fieldClass, variables }: StepEditorProps<HttpStep>) {
  const urlIssue = issueFor('url');
  return (
    <>
      <div className={`row ${fieldClass('url')}`} style={{ flexDirection: 'row' }}>
        <label className="visually-hidden" htmlFor="step-method">Method</label>
        <select id="step-method" data-testid="step-method-select" value={step.method} onChange={(e) => edit({ method: e.target.value as HttpStep['method'] }, 'method')}>
          {HTTP_METHODS.map((m) => <option key={m}>{m}</option>)}
        </select>
        <div className="grow">
          <TemplateInput id="step-url" ariaLabel="URL" testId="step-url-input" value={step.url} onChange={(url) => edit({ url }, 'url')} variables={variables} placeholder="https://api.example.com/items/{{id}}" invalid={urlIssue !== undefined} wrap />
        </div>
      </div>
      {urlIssue && <p className="field-error" data-testid="field-error">{withHint(urlIssue.message, urlIssue.hint)}</p>}
    </>
  );
}
