/**
 * Replay starts from the inputs a cassette was recorded with (its requests were made with them, so
 * other inputs would miss the recording). Picking a cassette, or switching to Replay, sets the run
 * bar's inputs from it, as Postman sets a request from a saved example, with a notice that can undo
 * it; when the list first arrives in Replay mode, only inputs the user left empty are filled, silently.
 * Cassettes recorded before inputs were kept change nothing.
 */
import type { CassetteSummary } from '../../contract/hostApi.js';
import type { Input, InputValue } from '#core';
import type { AppStore } from '../store/createAppStore.js';

export interface CassetteInputsPlan {
  /** The run bar's values after taking the cassette's. */
  next: Record<string, InputValue>;
  /** The inputs whose shown value changes (by their names). */
  changed: string[];
}

/** What the run bar shows for an input: what the user typed, else the input's default. */
const shown = (input: Input, values: Record<string, InputValue>): InputValue => values[input.name] ?? input.default ?? null;
const isEmpty = (value: InputValue) => value === null || value === '';

/**
 * The connector's inputs with the cassette's values (inputs the cassette lacks, or the connector no
 * longer declares, are left as they are). `onlyEmpty`: fill only inputs that show nothing.
 */
export function planCassetteInputs(inputs: readonly Input[], current: Record<string, InputValue>, recorded: Record<string, InputValue> | undefined, onlyEmpty = false): CassetteInputsPlan {
  const next = { ...current };
  const changed: string[] = [];
  if (!recorded) return { next, changed };
  for (const input of inputs) {
    if (!Object.hasOwn(recorded, input.name)) continue;
    const value = recorded[input.name] ?? null;
    const before = shown(input, current);
    if (onlyEmpty && !isEmpty(before)) continue;
    if (String(before ?? '') === String(value ?? '')) continue;
    next[input.name] = value;
    changed.push(input.label || input.name);
  }
  return { next, changed };
}

/** Sets the run bar's inputs from `cassette`; says so with an Undo unless `onlyEmpty` (then it only fills blanks, quietly). */
export function applyCassetteInputs(store: AppStore, cassette: CassetteSummary | undefined, { onlyEmpty = false }: { onlyEmpty?: boolean } = {}): void {
  const s = store.getState();
  if (!s.doc || !cassette || cassette.error !== undefined) return;
  const before = s.runInputs;
  const { next, changed } = planCassetteInputs(s.doc.inputs, before, cassette.inputs, onlyEmpty);
  if (changed.length === 0) return;
  s.setRunInputs(next);
  if (onlyEmpty) return;
  s.notify({
    kind: 'info',
    message: `Inputs set from the cassette "${cassette.name}" (${changed.join(', ')}), as it was recorded with them.`,
    action: { label: 'Undo', run: () => store.getState().setRunInputs(before) },
  });
}
