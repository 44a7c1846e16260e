/** What the canvas and the inspector show for a step whose kind this version cannot draw: a message, never a crash. */
export function unsupportedKindText(kind: unknown): string {
  return `Unsupported step kind "${typeof kind === 'string' ? kind : String(kind)}"`;
}

export function UnsupportedStepNode({ kind }: { kind: unknown }) {
  return <div className="step-node-unsupported" data-testid="node-unsupported-kind" role="note">{unsupportedKindText(kind)}</div>;
}

export function UnsupportedStepEditor({ kind }: { kind: unknown }) {
  return (
    <div className="field-error" data-testid="step-unsupported-kind" role="note">
      <p><strong>{unsupportedKindText(kind)}.</strong></p>
      <p>This version of Connector Studio cannot edit or run this step. Update Connector Studio, or delete the step and add it again.</p>
    </div>
  );
}
