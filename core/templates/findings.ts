/** One reason a connector cannot be published as it is. */
export type PublishFindingKind = 'literal_secret' | 'high_entropy' | 'known_token_format' | 'stored_secret';

export interface PublishFinding {
  /** Where in the document, e.g. `steps[0].headers[1].value` or `auth.token`. */
  path: string;
  kind: PublishFindingKind;
  message: string;
}
