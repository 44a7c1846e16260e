/** Syntax check for a condition with core's parser. Conditions are never evaluated in the UI. */
import { parseExpression } from '#core';
import { errorMessage } from '../services/errorMessage.js';

export function conditionError(condition: string | undefined): string | null {
  if (condition === undefined || condition.trim() === '') return null;
  try {
    parseExpression(condition);
    return null;
  } catch (e) {
    return errorMessage(e);
  }
}
