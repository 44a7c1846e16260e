/**
 * The HTTP request kind in the renderer (core: core/steps/kinds/http/): method and host/path on
 * the canvas; method and URL at the top of the inspector; Query, Headers, Body, Auth and Mock tabs;
 * "Safe to retry" under Advanced.
 */
import { KeyValueRows } from '../../inspector/KeyValueRows.js';
import { defineStepView, type StepEditorProps, type StepOf } from '../stepKindView.js';
import { BodyEditor } from './BodyEditor.js';
import { HttpAuthTab } from './HttpAuthTab.js';
import { HttpNodeBadge, HttpNodeBody } from './HttpNode.js';
import { HttpRequestEditor } from './HttpRequestEditor.js';
import { MockEditor } from './MockEditor.js';

type HttpStep = StepOf<'http'>;
type Props = StepEditorProps<HttpStep>;

function Advanced({ step, edit }: Props) {
  return <label className="row"><input type="checkbox" checked={step.idempotent ?? false} onChange={(e) => edit({ idempotent: e.target.checked || undefined }, 'idempotent')} /> Safe to retry (idempotent)</label>;
}

export const httpView = defineStepView<HttpStep>({
  NodeBadge: HttpNodeBadge,
  NodeBody: HttpNodeBody,
  Editor: HttpRequestEditor,
  tabs: [
    { id: 'query', placement: 'before-outputs', label: (step) => `Query (${step.query.length})`,
      Panel: ({ step, edit, variables, connector }: Props) => <KeyValueRows label="query parameter" testId="query-rows" rows={step.query} onChange={(query) => edit({ query }, 'query')} variables={variables} inputs={connector.inputs} /> },
    { id: 'headers', placement: 'before-outputs', label: (step) => `Headers (${step.headers.length})`,
      Panel: ({ step, edit, variables, connector }: Props) => <KeyValueRows label="header" testId="header-rows" rows={step.headers} onChange={(headers) => edit({ headers }, 'headers')} variables={variables} inputs={connector.inputs} /> },
    { id: 'body', placement: 'before-outputs', label: () => 'Body',
      Panel: ({ step, edit, variables, connector }: Props) => <BodyEditor body={step.body} onChange={(body) => edit({ body }, 'body')} variables={variables} inputs={connector.inputs} /> },
    { id: 'auth', placement: 'before-outputs', label: () => 'Auth', Panel: HttpAuthTab },
    { id: 'mock', placement: 'after-outputs', label: () => 'Mock',
      Panel: ({ step, edit }: Props) => <MockEditor mock={step.mock} onChange={(mock) => edit({ mock }, 'mock')} /> },
  ],
  Advanced,
});
