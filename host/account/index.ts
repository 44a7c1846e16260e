/** The Supabase account and workspace sync of the desktop host (issue 5). */
export { AccountService, type AccountServiceOptions } from './AccountService.js';
export { accountExtension, type AccountExtensionOptions } from './accountExtension.js';
export { WorkspaceConnectorStore } from './workspaceConnectorStore.js';
export { RunUploader } from './runUploader.js';
export { createAccountClient, SESSION_STORAGE_KEY } from './createAccountClient.js';
