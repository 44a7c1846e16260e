/** Caps that keep a hostile or broken spec from exhausting memory or time. */
export const SPEC_LIMITS = {
  /** Bytes of one document (the spec or a file it refers to). */
  maxDocumentBytes: 10 * 1024 * 1024,
  /** Bytes read in total across the spec and everything it refers to. */
  maxTotalBytes: 25 * 1024 * 1024,
  /** Other documents a spec may refer to. */
  maxExternalDocuments: 50,
  /** Nesting of objects and arrays in one document. */
  maxNesting: 200,
  /** YAML aliases (`*anchor`) in one document: the "billion laughs" guard. */
  maxYamlAliases: 100,
  /** Time for resolving and dereferencing. */
  timeoutMs: 15_000,
  /** Time for one remote document, when remote references are allowed. */
  remoteTimeoutMs: 10_000,
} as const;
