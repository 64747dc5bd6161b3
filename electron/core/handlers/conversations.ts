import { DEFAULT_CONVERSATION_SETTINGS } from '../../../shared/schemas';
import { FerryError } from '../app-error';
import type { EventBus } from '../event-bus';
import type { Handlers } from '../router';
import type { ChatService } from '../../services/chat/chat-service';
import type { HistoryRepository } from '../../services/storage/types';
import type { AttachmentService } from '../../services/attachments/attachment-service';

type ConversationHandlers = Pick<
  Handlers,
  | 'conversations.list'
  | 'conversations.get'
  | 'messages.get'
  | 'conversations.rename'
  | 'conversations.delete'
  | 'conversations.setTarget'
  | 'chat.send'
  | 'chat.stop'
>;

export function conversationHandlers(
  history: HistoryRepository,
  chat: ChatService,
  events: EventBus,
  attachments: AttachmentService,
): ConversationHandlers {
  const notFound = () => new FerryError('not_found', 'Conversation not found');
  return {
    'conversations.list': (page) => history.listConversationsPage(page),

    'conversations.get': ({ id, window }) => {
      const conversation = history.getConversation(id);
      // A conversation in the trash (soft-deleted, awaiting undo or purge) is gone for the UI.
      if (!conversation || history.isConversationDeleted(id)) throw notFound();
      const part = window ? history.messageWindow(id, conversation.activeLeafId ?? null, window) : null;
      // Answers the disk has not taken yet are shown as they are on screen, not as last stored.
      const messages = part
        ? attachments.withRefsOf(chat.unsaved.overlay(part.messages))
        : attachments.withRefs(id, chat.unsaved.overlay(history.listMessages(id)));
      const settings = history.getSettings(id) ?? DEFAULT_CONVERSATION_SETTINGS;
      return { conversation, messages, settings, ...(part ? { partial: { earlier: part.earlier } } : {}) };
    },

    'messages.get': ({ messageId }) => {
      const message = history.getMessage(messageId);
      if (!message || history.isConversationDeleted(message.conversationId)) throw new FerryError('not_found', 'Message not found');
      return attachments.withRefsOf(chat.unsaved.overlay([message]))[0]!;
    },

    'conversations.rename': ({ id, title }) => {
      const conversation = history.renameConversation(id, title);
      if (!conversation) throw notFound();
      events.emit('conversation.updated', conversation);
      return conversation;
    },

    'conversations.delete': ({ id }) => {
      chat.stopConversation(id);
      // Soft delete: `conversations.restore` undoes it; the trash is purged at start-up after 7 days.
      if (!history.softDeleteConversation(id)) throw notFound();
      events.emit('conversation.deleted', { id });
      return { id };
    },

    'conversations.setTarget': (input) => chat.setTarget(input),
    'chat.send': (input) => chat.send(input),
    'chat.stop': ({ messageId }) => ({ stopped: chat.stop(messageId) }),
  };
}
