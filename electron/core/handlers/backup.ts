import type { EventBus } from '../event-bus';
import type { Handlers } from '../router';
import type { BackupService } from '../../services/backup/backup-service';
import type { PreferencesService } from '../../services/settings/preferences-service';

type BackupHandlers = Pick<Handlers, 'backup.overview' | 'backup.create' | 'backup.restore' | 'backup.setSettings'>;

export function backupHandlers(backups: BackupService, prefs: PreferencesService, events: EventBus): BackupHandlers {
  return {
    'backup.overview': () => backups.overview(),
    'backup.create': () => backups.create('manual'),
    'backup.restore': ({ id }) => {
      const result = backups.restore(id);
      events.emit('history.changed', { conversations: 0 });
      events.emit('connections.changed', {});
      return result;
    },
    'backup.setSettings': (patch) => {
      prefs.update({ backups: { ...prefs.read().backups, ...patch } });
      return backups.overview();
    },
  };
}
