/**
 * Which remote template each local connector was published as (user data, not the
 * connector file: publishing must not rewrite a file the editor may have open). Used to
 * offer "publish a new version" instead of a second template.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readJsonFile, writeJsonFile } from '../fs/jsonFile.js';

type PublishedMap = Record<string, { templateId: string; owner: string }>;

export class PublishedTemplates {
  private readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'templates', 'published.json');
  }

  /** The template a connector was published as by this user, if any. */
  async templateOf(connectorId: string, owner: string): Promise<string | null> {
    const map = await readJsonFile<PublishedMap>(this.file, {});
    const entry = Object.hasOwn(map, connectorId) ? map[connectorId] : undefined;
    return entry && entry.owner === owner ? entry.templateId : null;
  }

  remember(connectorId: string, owner: string, templateId: string): Promise<void> {
    const next = this.queue.then(async () => {
      const map = await readJsonFile<PublishedMap>(this.file, {});
      map[connectorId] = { templateId, owner };
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      await writeJsonFile(this.file, map, { mode: 0o600 });
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
