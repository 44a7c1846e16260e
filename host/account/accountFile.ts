/**
 * What the account remembers besides the (encrypted) session: who signed in last, which
 * remote workspace each local workspace folder is linked to, and whether runs are pushed.
 * No tokens here: those live in the session vault.
 */
import { readJsonFile, writeJsonFile } from '../fs/jsonFile.js';

export interface WorkspaceLink {
  workspaceId: string;
  name: string;
  /** The user who linked it: another account's link is not used. */
  userId: string;
}

export interface AccountData {
  user: { id: string; email: string } | null;
  /** By absolute workspace folder path. */
  links: Record<string, WorkspaceLink>;
  pushRuns: boolean;
  /** The user's workspaces when last listed: shown while the project cannot be reached. */
  knownWorkspaces?: { userId: string; list: Array<{ id: string; name: string; role: string }> };
}

const EMPTY: AccountData = { user: null, links: {}, pushRuns: false };

export class AccountFile {
  constructor(readonly file: string) {}

  async read(): Promise<AccountData> {
    const data = await readJsonFile<Partial<AccountData>>(this.file, {});
    return { ...EMPTY, ...data, links: { ...(data.links ?? {}) } };
  }

  async update(change: (data: AccountData) => void): Promise<AccountData> {
    const data = await this.read();
    change(data);
    await writeJsonFile(this.file, data, { mode: 0o600 });
    return data;
  }
}
