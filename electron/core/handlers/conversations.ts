import { FerryError } from '../app-error';
import type { EventBus } from '../event-bus';
import type { Handlers } from '../router';
import type { ChatService } from '../../services/chat/chat-service';
import type { HistoryRepository } from '../../services/storage/types';

type ConversationHandlers = Pick<
  Handlers,
  'conversations.list' | 'conversations.get' | 'conversations.rename' | 'conversations.delete' | 'chat.send' | 'chat.stop'
>;

export function conversationHandlers(history: HistoryRepository, chat: ChatService, events: EventBus): ConversationHandlers {
  const notFound = () => new FerryError('not_found', 'Conversation not found');
  return {
    'conversations.list': () => history.listConversations(),

    'conversations.get': ({ id }) => {
      const conversation = history.getConversation(id);
      if (!conversation) throw notFound();
      return { conversation, messages: history.listMessages(id) };
    },

    'conversations.rename': ({ id, title }) => {
      const conversation = history.renameConversation(id, title);
      if (!conversation) throw notFound();
      events.emit('conversation.updated', conversation);
      return conversation;
    },

    'conversations.delete': ({ id }) => {
      chat.stopConversation(id);
      if (!history.deleteConversation(id)) throw notFound();
      events.emit('conversation.deleted', { id });
      return { id };
    },

    'chat.send': (input) => chat.send(input),
    'chat.stop': ({ messageId }) => ({ stopped: chat.stop(messageId) }),
  };
}
