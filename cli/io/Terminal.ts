/**
 * Where the CLI writes. Every byte goes through `scrub`, so a credential value that slipped
 * into a message (an echoed header, an error text) is masked before it leaves the process.
 */
export interface Terminal {
  /** Results: the report, or JSON lines. */
  out(text: string): void;
  /** Diagnostics and the progress bar. */
  err(text: string): void;
  readonly errIsTTY: boolean;
  readonly columns: number;
}

export interface TerminalStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

export function createTerminal(streams: TerminalStreams, scrub: (text: string) => string = (t) => t): Terminal {
  return {
    out: (text) => void streams.stdout.write(scrub(text)),
    err: (text) => void streams.stderr.write(scrub(text)),
    errIsTTY: streams.stderr.isTTY === true,
    columns: streams.stderr.columns ?? 80,
  };
}

/** The same terminal with one more scrubber in front (credentials are known only after parsing flags). */
export function withScrubber(terminal: Terminal, scrub: (text: string) => string): Terminal {
  return {
    out: (text) => terminal.out(scrub(text)),
    err: (text) => terminal.err(scrub(text)),
    errIsTTY: terminal.errIsTTY,
    columns: terminal.columns,
  };
}
