/** A logger that passes every message and field through the run's redactor first. */
import type { Logger } from '../ports/index.js';
import type { Redactor } from './createRedactor.js';

export function redactingLogger(logger: Logger, redactor: Redactor): Logger {
  const wrap = (level: keyof Logger) => (message: string, data?: Record<string, unknown>) =>
    data === undefined ? logger[level](redactor.redactText(message)) : logger[level](redactor.redactText(message), redactor.redactValue(data));
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
