/**
 * The selected step: the fields every step has (name, id, condition, Outputs, timeout and retries,
 * links) around what its kind draws (renderer/steps/<kind>/: the HTTP kind's method, URL and
 * request tabs). A kind this version cannot draw gets the "unsupported step kind" message.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { availableVariables, environmentVariables, type Connector, type Step, type Variable } from '#core';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useStable } from '../store/useStable.js';
import { sameDocApartFromStepNames, sameStepApartFromName } from '../flow/apartFromNames.js';
import { connectSteps, renameStepId, updateStep } from '../flow/graphEdits.js';
import { OutputsEditor } from './OutputsEditor.js';
import { ConditionField } from './ConditionField.js';
import { useStepView } from '../steps/StepViewsContext.js';
import { UnsupportedStepEditor } from '../steps/UnsupportedStepKind.js';
import type { StepEditorProps, StepTab } from '../steps/stepKindView.js';
import { Tabs } from '../app/Tabs.js';
import { Menu } from '../app/Menu.js';
import { useHost } from '../app/useHost.js';
import { startRun } from '../services/runActions.js';
import { stepNamePath } from '../editor/selectNewStep.js';
import type { ValidationIssue } from '#core';

const OUTPUTS = 'outputs';
const ADVANCED = 'advanced';

export function StepInspector({ stepId, issues }: { stepId: string; issues: ValidationIssue[] }) {
  const store = useAppStoreApi();
  const host = useHost();
  // What this panel draws, each read on its own: typing the step's name changes none of it (the
  // name field below reads the name itself), so a keystroke there redraws only that field.
  const step = useAppStore(useStable((s) => s.doc?.steps.find((st) => st.id === stepId), sameStepApartFromName));
  const index = useAppStore((s) => s.doc?.steps.findIndex((st) => st.id === stepId) ?? -1);
  const connector = useAppStore(useShallow((s) => ({ inputs: s.doc?.inputs ?? [], auth: s.doc?.auth ?? NO_AUTH })));
  const incoming = useAppStore(useShallow((s) => s.doc?.edges.filter((e) => e.target === stepId) ?? []));
  const outgoing = useAppStore(useShallow((s) => s.doc?.edges.filter((e) => e.source === stepId) ?? []));
  const focusedPath = useAppStore((s) => s.focusedPath);
  const onlyStep = useAppStore((s) => s.doc?.steps.length === 1);
  const lastResult = useAppStore((s) => s.lastRecord?.steps.find((st) => st.id === stepId));
  const view = useStepView(step ?? {});
  const [chosenTab, setTab] = useState<string | undefined>(undefined);
  const [idDraft, setIdDraft] = useState<string | null>(null);
  // Made again only when the document changes apart from this step's own name (which no
  // variable of this step shows), and the same array while its content is, so the URL,
  // condition and Monaco fields that take it are not redrawn on every keystroke.
  const variablesDoc = useAppStore(useStable((s) => s.doc, (a, b) => sameDocApartFromStepNames(a, b, (id) => id === stepId)));
  const environments = useAppStore((s) => s.environments);
  const variablesJson = variablesDoc ? JSON.stringify([...availableVariables(variablesDoc, stepId), ...environmentVariables(environments)]) : '[]';
  const variables = useMemo(() => JSON.parse(variablesJson) as Variable[], [variablesJson]);
  if (!step) return <p className="muted">This step no longer exists.</p>;
  if (!view) return <div className="step-inspector" data-testid="step-inspector" data-step-id={stepId}><UnsupportedStepEditor kind={step.kind} /></div>;

  const base = `steps[${index}]`;
  const edit = (patch: Partial<Step>, field: string) => store.getState().edit((d) => updateStep(d, stepId, patch), `step:${stepId}:${field}`);
  const issueFor = (field: string) => issues.find((i) => i.path === `${base}.${field}` || i.path.startsWith(`${base}.${field}.`) || i.path.startsWith(`${base}.${field}[`));
  const fieldClass = (field: string) => `field${focusedPath?.startsWith(`${base}.${field}`) ? ' highlight' : ''}`;

  const commitId = () => {
    if (idDraft === null) return;
    const result = renameStepId(store.getState().doc as Connector, stepId, idDraft.trim());
    if (!result.ok) store.getState().notify({ kind: 'error', message: result.reason });
    else if (idDraft.trim() !== stepId) {
      store.getState().edit(() => result.doc);
      store.getState().select({ kind: 'step', stepIds: [idDraft.trim()] });
    }
    setIdDraft(null);
  };

  const kindProps: StepEditorProps<Step> = { step, connector, edit, issueFor, fieldClass, variables };
  const kindTabs = (placement: StepTab<Step>['placement']) => view.tabs.filter((t) => t.placement === placement);
  const tabIds = [...kindTabs('before-outputs').map((t) => t.id), OUTPUTS, ...kindTabs('after-outputs').map((t) => t.id), ADVANCED];
  const tab = chosenTab !== undefined && tabIds.includes(chosenTab) ? chosenTab : (tabIds[0] ?? OUTPUTS);
  const labelOf = (id: string) => {
    const own = view.tabs.find((t) => t.id === id);
    const text = own ? own.label(step) : id === OUTPUTS ? `Outputs (${step.outputs.length})` : 'Advanced';
    return `${text}${issueFor(id === ADVANCED ? 'timeoutMs' : id) ? ' ⚠' : ''}`;
  };
  const KindTab = view.tabs.find((t) => t.id === tab)?.Panel;
  return (
    <div className="step-inspector" data-testid="step-inspector" data-step-id={stepId}>
      <div className="row">
        <StepNameField stepId={stepId} />
        <div className="field">
          <label htmlFor="step-id">Id (for {'{{id.output}}'})</label>
          <input id="step-id" data-testid="step-id-input" className="mono" size={12} value={idDraft ?? step.id} onChange={(e) => setIdDraft(e.target.value)} onBlur={commitId} onKeyDown={(e) => e.key === 'Enter' && commitId()} />
        </div>
      </div>
      <view.Editor {...kindProps} />
      <ConditionField label="Run only if (this step's own condition; empty = always)" testId="step-condition-editor" errorTestId="step-condition-error"
        value={step.condition} variables={variables} highlighted={focusedPath?.startsWith(`${base}.condition`) ?? false}
        issues={issues.filter((i) => i.path === `${base}.condition`)}
        onChange={(condition) => edit({ condition }, 'condition')} />

      <Tabs label="Step settings" value={tab} onChange={setTab} items={tabIds.map((id) => ({ id, testId: `step-tab-${id}`, label: labelOf(id) }))}>
        {KindTab && <KindTab {...kindProps} />}
        {tab === OUTPUTS && <OutputsEditor outputs={step.outputs} onChange={(outputs) => edit({ outputs }, 'outputs')} lastResult={lastResult} />}
        {tab === ADVANCED && (
          <div className="grid-2">
            <div className="field"><label htmlFor="step-timeout">Timeout (ms, empty = connector's)</label>
              <input id="step-timeout" type="number" min={1000} max={60000} step={500} value={step.timeoutMs ?? ''} onChange={(e) => edit({ timeoutMs: e.target.value === '' ? undefined : Number(e.target.value) }, 'timeout')} /></div>
            <div className="field"><label htmlFor="step-retries">Retries (empty = connector's)</label>
              <input id="step-retries" type="number" min={0} max={5} value={step.maxRetries ?? ''} onChange={(e) => edit({ maxRetries: e.target.value === '' ? undefined : Number(e.target.value) }, 'retries')} /></div>
            {view.Advanced && <view.Advanced {...kindProps} />}
            {issueFor('timeoutMs') && <p className="field-error">{issueFor('timeoutMs')?.message}</p>}
          </div>
        )}
      </Tabs>

      <h3>Links</h3>
      <ul className="link-list">
        {incoming.map((e) => <li key={e.id}><button type="button" className="small" onClick={() => store.getState().select({ kind: 'edge', edgeIds: [e.id] })}>← from {e.source}{e.condition ? ` (if ${e.condition})` : ''}</button></li>)}
        {outgoing.map((e) => <li key={e.id}><button type="button" className="small" data-testid="outgoing-link" data-target={e.target} onClick={() => store.getState().select({ kind: 'edge', edgeIds: [e.id] })}>→ to {e.target}{e.condition ? ` (if ${e.condition})` : ''}</button></li>)}
        {incoming.length + outgoing.length === 0 && (
          <li className="muted" data-testid="step-not-linked">{onlyStep
            ? 'The only step: it runs first, with the connector\'s inputs. Add another with + Step, or drag out of its right handle.'
            : 'Not linked. Drag from a node\'s right handle to another node, or use Link to….'}</li>
        )}
      </ul>
      <div className="row step-actions">
        <LinkToMenu stepId={stepId} />
        <button type="button" className="small" onClick={() => void startRun(store, host, { onlySteps: [stepId] })} title="Runs only this step; earlier steps' outputs come from the last run">Run this step only</button>
      </div>
    </div>
  );
}

/** The step's name: the one part of the inspector a keystroke in it redraws. */
function StepNameField({ stepId }: { stepId: string }) {
  const store = useAppStoreApi();
  const name = useAppStore((s) => s.doc?.steps.find((st) => st.id === stepId)?.name ?? '');
  // A step just added (editor/selectNewStep.ts), or a problem with its name, brings the keyboard here.
  const focusHere = useAppStore((s) => s.focusedPath !== null && s.focusedPath === stepNamePath(s.doc?.steps.findIndex((st) => st.id === stepId) ?? -1));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusHere) input.current?.focus();
  }, [focusHere]);
  return (
    <div className="field grow" data-testid="step-name-field">
      <label htmlFor="step-name">Step name</label>
      <input ref={input} id="step-name" data-testid="step-name-input" value={name} placeholder="e.g. Search contact"
        onChange={(e) => store.getState().edit((d) => updateStep(d, stepId, { name: e.target.value }), `step:${stepId}:name`)} />
    </div>
  );
}

const NO_AUTH: Connector['auth'] = { type: 'none' };

/**
 * "Link to…": the keyboard's way to draw a link; lists the steps this one can lead to (no loops,
 * no duplicates), worked out when the menu opens rather than on every edit.
 */
function LinkToMenu({ stepId }: { stepId: string }) {
  const store = useAppStoreApi();
  const [open, setOpen] = useState(false);
  const doc = useAppStore((s) => (open ? s.doc : null));
  const targets = !doc ? [] : doc.steps.filter((s) => s.id !== stepId).map((s) => ({ step: s, result: connectSteps(doc, stepId, s.id) })).filter((t) => t.result.ok);
  return (
    <Menu trigger="Link to…" triggerTestId="link-to-button" triggerClassName="small" empty="No step can follow this one without a loop."
      items={targets.map(({ step, result }) => ({
        id: step.id, testId: `link-to-${step.id}`, textValue: step.name || step.id,
        label: <>{step.name || step.id} <span className="muted mono">{step.id}</span></>,
        onSelect: () => {
          if (!result.ok) return;
          store.getState().edit(() => result.doc);
          // The new link opens in the inspector, where its condition is set.
          store.getState().select({ kind: 'edge', edgeIds: result.ids ?? [] });
        },
      }))}
      onOpenChange={setOpen} />
  );
}
