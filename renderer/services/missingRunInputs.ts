/**
 * The run form's required inputs that are still empty (a default counts as filled). A run
 * without them would only fail on its first step, so Run is refused up front with the inputs
 * named as the form labels them.
 */
import type { Connector, InputValue } from '#core';

type RunInputs = Record<string, InputValue>;

const PREFIX = 'Not run: fill in';

const isBlank = (value: InputValue | undefined) => value === undefined || value === null || value === '';

export function missingRunInputs(declared: Connector['inputs'], values: RunInputs): Connector['inputs'] {
  return declared.filter((input) => {
    if (!input.required) return false;
    // As core's resolveInputs: an empty field falls back to the default.
    return isBlank(values[input.name]) && isBlank(input.default);
  });
}

/** "Not run: fill in Phone first." (or null when nothing required is empty). */
export function missingRunInputsReason(declared: Connector['inputs'], values: RunInputs): string | null {
  const missing = missingRunInputs(declared, values);
  if (missing.length === 0) return null;
  const names = missing.map((input) => input.label || input.name);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${PREFIX} ${list} first.`;
}

export const isMissingRunInputsReason = (runError: string | null): boolean => runError?.startsWith(PREFIX) ?? false;
