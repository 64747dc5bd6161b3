import type { Handlers } from '../router';
import type { MessageControl } from '../../services/messages/message-control';

type MessageControlHandlers = Pick<Handlers, 'messages.delete' | 'messages.restore' | 'messages.editAnswer' | 'conversations.fork'>;

export function messageControlHandlers(control: MessageControl): MessageControlHandlers {
  return {
    'messages.delete': ({ messageId }) => control.delete(messageId),
    'messages.restore': ({ undoToken }) => control.restore(undoToken),
    'messages.editAnswer': ({ messageId, text }) => control.editAnswer(messageId, text),
    'conversations.fork': ({ messageId, title }) => control.fork(messageId, title),
  };
}
