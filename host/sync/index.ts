/** Offline-first connector sync with Supabase (used by the desktop host). */
export { SyncEngine, type SyncEngineOptions } from './SyncEngine.js';
export { SyncRemoteError } from './SyncRemoteError.js';
export { LocalWriteRace, isLocalWriteRace } from './LocalWriteRace.js';
export { MemoryConnectorStore, MemorySyncStateStore } from './memoryStores.js';
export { JsonFileSyncStateStore } from './jsonFileSyncStateStore.js';
export { documentHash } from './documentHash.js';
export type * from './types.js';
