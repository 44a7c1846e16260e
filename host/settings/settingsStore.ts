/** App settings in the user-data folder; unknown or invalid values fall back to defaults. */
import { join } from 'node:path';
import { AppSettingsSchema, type AppSettings, type AppSettingsPatch } from '../../contract/hostApi.js';
import { readJsonFile, writeJsonFile } from '../fs/jsonFile.js';

export class SettingsStore {
  readonly file: string;
  private current: AppSettings | undefined;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'settings.json');
  }

  async get(): Promise<AppSettings> {
    if (!this.current) {
      const raw = await readJsonFile<Record<string, unknown>>(this.file, {});
      const parsed = AppSettingsSchema.safeParse(raw);
      // A hand-edited bad value resets that file to defaults rather than blocking start-up.
      this.current = parsed.success ? parsed.data : AppSettingsSchema.parse({});
    }
    return this.current;
  }

  /** The last loaded value, for synchronous readers (the vault's opt-in check). */
  peek(): AppSettings | undefined {
    return this.current;
  }

  async update(patch: AppSettingsPatch): Promise<AppSettings> {
    const next = AppSettingsSchema.parse({ ...(await this.get()), ...patch });
    await writeJsonFile(this.file, next);
    this.current = next;
    return next;
  }
}
