import type { Pack } from '../packs/schema';
import type { SettingsState } from '../settings/resolve';
import type { Settings } from '../settings/schema';
import { followSettings, loadSettingsState, type StorageApi } from '../settings/store';
import { settingsVersion } from '../settings/version';

/** What the background checks drafts with: the settings in force, their pack, and their version. */
export interface ActiveSettings {
  settings: Settings;
  pack: Pack;
  version: string;
}

function active(state: SettingsState): ActiveSettings {
  return { settings: state.settings, pack: state.pack, version: settingsVersion(state) };
}

/**
 * The settings and pack in force, held by the background worker so that check requests need not
 * carry them (a pack can be megabytes): read from storage when the worker starts (a service worker
 * restarts often, and loses everything it held), and again whenever storage changes. A request
 * names the version it expects; one the worker does not hold (a change in storage the worker has
 * not read yet) makes it read storage again, once per unknown version, so a content script that is
 * itself behind cannot make every keystroke re-read a large pack.
 */
export class SettingsHolder {
  private current: ActiveSettings | null = null;
  private readonly first: Promise<void>;
  private reading: Promise<void> | null = null;
  /** Versions requested that a fresh read of storage did not give: not worth reading again for. */
  private readonly unknown = new Set<string>();

  constructor(private readonly api?: StorageApi) {
    let loaded: () => void = () => undefined;
    this.first = new Promise((resolve) => (loaded = resolve));
    followSettings((state) => {
      this.current = active(state);
      this.unknown.clear();
      loaded();
    }, api);
  }

  /** The settings to check with, re-read from storage when `version` is one not seen yet. */
  async get(version?: string): Promise<ActiveSettings> {
    await this.first;
    if (version !== undefined && version !== this.current!.version && !this.unknown.has(version)) {
      this.reading ??= loadSettingsState(this.api)
        .then((state) => {
          this.current = active(state);
        })
        .finally(() => {
          this.reading = null;
        });
      await this.reading;
      if (version !== this.current!.version) this.unknown.add(version);
    }
    return this.current!;
  }
}
