import type { ChatService } from '../../services/chat/chat-service';
import type { KeyVault } from '../../services/secrets/types';
import type { SettingsFile } from '../../services/settings/settings-file';
import type { EventBus } from '../event-bus';
import type { HistoryHolder } from '../history-holder';
import type { Handlers } from '../router';

type FaultHandlers = Pick<
  Handlers,
  'keychain.retry' | 'storage.retry' | 'storage.pending' | 'settings.restoreCopy' | 'settings.dismissRecovery' | 'app.startFreshHistory'
>;

/** "Try again" and "Restore" of the keychain, disk and damaged-file banners. */
export function faultHandlers(deps: { vault: KeyVault; holder: HistoryHolder; chat: ChatService; settings: SettingsFile; events: EventBus }): FaultHandlers {
  const { vault, holder, chat, settings, events } = deps;
  return {
    'keychain.retry': async () => {
      const status = await vault.retry();
      if (status.available) events.emit('connections.changed', {});
      return status;
    },
    'storage.retry': () => {
      const db = holder.status();
      if (holder.storage().readOnly || (!db.ok && db.reason === 'unwritable')) holder.reopen();
      const pending = chat.unsaved.retry();
      return { storage: holder.storage(), pending };
    },
    'storage.pending': () => chat.unsaved.list(),
    'settings.restoreCopy': ({ file }) => {
      const status = settings.restore(file);
      events.emit('connections.changed', {});
      return status;
    },
    'settings.dismissRecovery': () => settings.dismiss(),
    'app.startFreshHistory': () => holder.startFresh(),
  };
}
