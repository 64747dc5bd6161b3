import { join } from 'node:path';
import { openHistory } from '../../../electron/services/storage/open-history';
import type { FerryWorld } from './fixtures';

/**
 * Writes conversations straight into the data folder while the host is stopped (the way a years-old
 * history arrives), then restarts the host on it. The last one created is the newest.
 */
export async function seed(
  ferry: FerryWorld,
  titles: string[],
  longMessages = 0,
  content: (i: number) => string = (i) => `Message ${i}: ${i % 2 === 0 ? 'a question' : 'an answer with a few words in it. '.repeat(1 + (i % 5))}`,
): Promise<{ longId: string | null }> {
  await ferry.host.stop();
  const history = openHistory(join(ferry.dataDir, 'ferry.db'));
  for (const title of titles) history.createConversation({ title, connectionId: null, model: null });
  let longId: string | null = null;
  if (longMessages > 0) {
    const c = history.createConversation({ title: 'Long conversation', connectionId: null, model: null });
    longId = c.id;
    let parentId: string | null = null;
    for (let i = 0; i < longMessages; i++) {
      const m = history.insertMessage({
        conversationId: c.id,
        parentId,
        role: i % 2 === 0 ? 'user' : 'assistant',
        content: content(i),
        status: 'done',
        model: null,
      });
      parentId = m.id;
    }
  }
  history.close();
  await ferry.restartHost();
  return { longId };
}
