/**
 * Imported first by the process entry. V8 optimises a function (TurboFan, on a background
 * thread) once it has run "enough"; in a CLI process that lives for a few hundred runs that
 * happens to dozens of core functions which then barely run again, and compiling them cost
 * ~100 ms of CPU per 200-row batch (a third of the CLI's own work; measured with
 * `npm run bench`). A 15x larger TurboFan invocation count (V8 12, Node 22; the older
 * `--interrupt-budget` flag is gone) delays that until a function is really hot:
 * short batches stay in the interpreter/baseline tiers, long batches still get optimised.
 * CONNECTOR_STUDIO_V8_DEFAULTS=1 keeps V8's defaults (to compare, or if this ever misbehaves).
 */
import { setFlagsFromString } from 'node:v8';

if (process.env.CONNECTOR_STUDIO_V8_DEFAULTS !== '1') setFlagsFromString('--invocation-count-for-turbofan=45000');
