import { FerryError } from '../app-error';
import type { EventBus } from '../event-bus';
import type { HistoryHolder } from '../history-holder';
import type { Handlers } from '../router';

type LibraryHandlers = Pick<Handlers, 'conversations.findByTitle' | 'conversations.pin' | 'conversations.restore' | 'search.query' | 'app.restoreBackup'>;

/** Pins, undo of delete, search, and restoring a backup in recovery mode. */
export function libraryHandlers(holder: HistoryHolder, events: EventBus): LibraryHandlers {
  const { history } = holder;
  const notFound = () => new FerryError('not_found', 'Conversation not found');
  return {
    'conversations.pin': ({ id, pinned }) => {
      const conversation = history.setPinned(id, pinned);
      if (!conversation) throw notFound();
      events.emit('conversation.updated', conversation);
      return conversation;
    },
    'conversations.restore': ({ id }) => {
      const conversation = history.restoreConversation(id);
      if (!conversation) throw notFound();
      events.emit('conversation.updated', conversation);
      return conversation;
    },
    'search.query': ({ text, limit }) => history.search(text, limit),
    'conversations.findByTitle': ({ text, limit }) => history.findByTitle(text, limit ?? 200),
    'app.restoreBackup': ({ file }) => holder.restore(file),
  };
}
