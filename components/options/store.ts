import type { PackFile } from '../../settings/resolve';
import { loadPackFile, loadSettingsState, saveLocalSettings, savePackFile, watchSettingsState } from '../../settings/store';
import type { OptionsStore } from './Options';

/** The options page's storage, through the one settings module. */
export const optionsStore: OptionsStore = {
  async load() {
    const [state, packFile] = await Promise.all([loadSettingsState(), loadPackFile()]);
    return { state, packFile };
  },
  async save(settings, packFile: PackFile | null | undefined) {
    if (packFile !== undefined) await savePackFile(packFile);
    return saveLocalSettings(settings);
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
