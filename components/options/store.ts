import type { PackFile, SettingsState } from '../../settings/resolve';
import { loadPackFile, loadSettingsState, saveLocalSettings, watchSettingsState } from '../../settings/store';
import type { Issue } from '../../settings/validate';

/** What the options page needs from storage (settings/store.ts), passed in by the entrypoint. */
export interface OptionsStore {
  load(): Promise<{ state: SettingsState; packFile: PackFile | null }>;
  /**
   * Saves the settings and the pack file (undefined: leave it as it is) together; returns the
   * settings' problems, or rejects with a SaveError (storage full) having written nothing.
   */
  save(settings: Record<string, unknown>, packFile: PackFile | null | undefined): Promise<Issue[]>;
  watch(onChange: () => void): () => void;
  download(fileName: string, json: string): void;
}

/** The options page's storage, through the one settings module. */
export const optionsStore: OptionsStore = {
  async load() {
    const [state, packFile] = await Promise.all([loadSettingsState(), loadPackFile()]);
    return { state, packFile };
  },
  async save(settings, packFile: PackFile | null | undefined) {
    return saveLocalSettings(settings, undefined, packFile);
  },
  watch: (onChange) => watchSettingsState(onChange),
  download(fileName, json) {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
};
