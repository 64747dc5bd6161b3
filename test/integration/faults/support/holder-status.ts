/**
 * Prints, as one JSON line, how the history holder sees the database in the folder given: its
 * status and how many conversations it can read. Run as another user (setpriv) by the permission
 * tests, since root ignores permission bits.
 *   tsx test/integration/faults/support/holder-status.ts <dataDir>
 */
import { join } from 'node:path';
import { openHistoryHolder } from '../../../../electron/core/history-holder';
import { createLogger } from '../../../../electron/core/logger';

const holder = openHistoryHolder(join(process.argv[2]!, 'ferry.db'), createLogger(() => {}));
const status = holder.status();
let conversations: number | null = null;
try {
  conversations = holder.history.listConversations().length;
} catch {
  // Recovery mode.
}
let write: string;
try {
  holder.history.createConversation({ title: 'written by another user', connectionId: null, model: null });
  write = 'ok';
} catch (error) {
  write = (error as { code?: string }).code ?? String(error);
}
holder.close();
console.log(JSON.stringify({ status, conversations, write }));
