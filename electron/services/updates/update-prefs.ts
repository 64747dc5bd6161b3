import Conf from 'conf';
import { DEFAULT_UPDATE_PREFS, UpdatePrefs } from '../../../shared/schemas';

export interface UpdatePrefsStore {
  read(): UpdatePrefs;
  update(patch: Partial<UpdatePrefs>): UpdatePrefs;
}

// Each field falls back on its own: a hand-edited file must not turn automatic checks on or lose the mirror.
const Lenient = UpdatePrefs.extend({
  autoCheck: UpdatePrefs.shape.autoCheck.catch(DEFAULT_UPDATE_PREFS.autoCheck),
  feed: UpdatePrefs.shape.feed.catch(DEFAULT_UPDATE_PREFS.feed),
  mirrorUrl: UpdatePrefs.shape.mirrorUrl.catch(DEFAULT_UPDATE_PREFS.mirrorUrl),
});

/** `<dataDir>/updates.json`, beside config.json: the updates feature keeps its own small file. */
export function createUpdatePrefsStore(dataDir: string): UpdatePrefsStore {
  const conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'updates', projectName: 'ferry', clearInvalidConfig: false });
  const read = (): UpdatePrefs => {
    try {
      return Lenient.parse({ ...DEFAULT_UPDATE_PREFS, ...conf.store });
    } catch {
      return { ...DEFAULT_UPDATE_PREFS };
    }
  };
  return {
    read,
    update(patch) {
      const next = UpdatePrefs.parse({ ...read(), ...patch });
      conf.store = { ...next };
      return next;
    },
  };
}

/** For hosts and tests that keep nothing on disk. */
export function createMemoryUpdatePrefsStore(initial: UpdatePrefs = DEFAULT_UPDATE_PREFS): UpdatePrefsStore {
  let prefs = { ...initial };
  return {
    read: () => ({ ...prefs }),
    update(patch) {
      prefs = UpdatePrefs.parse({ ...prefs, ...patch });
      return { ...prefs };
    },
  };
}
