/**
 * Imported first by the process entry, before any schema is built. zod 4 compiles a fast
 * parser per object schema with `new Function` on its first parse; that pays off over
 * thousands of parses, but a CLI process parses one connector file, and compiling the
 * parsers costs more start-up time than it saves. (zod reads this when a schema is built.)
 */
import { config } from 'zod';

config({ jitless: true });
