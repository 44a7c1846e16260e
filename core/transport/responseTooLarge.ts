/** A response body over the size cap (every transport reports it the same way). */
import { ConnectorError } from '../errors/ConnectorError.js';

/** The error for a body over the cap (shared with the Node transport). */
export function responseTooLarge(maxBytes: number, url: string): ConnectorError {
  return new ConnectorError('RESPONSE_TOO_LARGE', `The response from ${url} is larger than ${maxBytes} bytes.`, {
    hint: 'Ask the API for less data (filters, fields, pagination) or raise the response size cap.',
  });
}
