/**
 * Thrown by a LocalConnectorStore when a write the sync engine makes is refused because the
 * file changed since the engine read it (the user saved in between). Transient: nothing was
 * written, and reading the folder again shows the user's save, which the engine then treats
 * like any local edit (pushed, or a conflict with the teammate's revision). Never lost.
 */
export class LocalWriteRace extends Error {
  override name = 'LocalWriteRace';

  constructor(
    /** The connector file that changed, as named in the folder. */
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Also by name, so it survives a trip through structured clone or IPC. */
export function isLocalWriteRace(error: unknown): error is LocalWriteRace {
  return error instanceof LocalWriteRace || (error instanceof Error && error.name === 'LocalWriteRace');
}
