/** What templates and expressions can see while a run goes on. */
export interface Scope {
  /** Every declared input; one that was not given should be present as `null`. */
  inputs: Record<string, unknown>;
  /** Resolved credential values (secrets: never logged, never stored). */
  credentials: Record<string, string>;
  /** The selected environment's variables (`{{env.base_url}}`); secret ones are redacted like credentials. Absent: no environment. */
  env?: Record<string, string>;
  /** Outputs of the steps that have run: `steps.step_1.contactId`. */
  steps: Record<string, Record<string, unknown>>;
}
