import type Database from 'libsql';
import type { Message } from '../../../shared/schemas';
import { activePath, type TreeNode } from '../../../shared/message-tree';
import { MESSAGE_COLUMNS, toMessage, type MessageRow } from './rows';

/**
 * The end of a conversation's active path: what opening a long conversation shows first. Its
 * whole tree is a few megabytes of text that take longer to send and parse than the frame the
 * user waits for; the window is the last `size` messages of the path plus every sibling of each
 * (the ‹ 2/3 › switchers count them). `earlier` is how many path messages precede the window.
 */
export interface MessageWindow {
  messages: Message[];
  earlier: number;
}

export interface WindowPick {
  ids: Set<string>;
  earlier: number;
}

/** Which messages make up the window; null when that would be every message anyway. */
export function pickWindow(nodes: readonly TreeNode[], leafId: string | null, size: number): WindowPick | null {
  const path = activePath(nodes, leafId);
  const tail = path.slice(Math.max(0, path.length - size));
  const onTail = new Set(tail.map((m) => m.parentId));
  const ids = new Set(tail.map((m) => m.id));
  // Siblings share a parent with a window message (the first one's parent itself is not sent).
  for (const m of nodes) if (onTail.has(m.parentId)) ids.add(m.id);
  return ids.size >= nodes.length ? null : { ids, earlier: path.length - tail.length };
}

type StoreMethods = { messageWindow(conversationId: string, leafId: string | null, size: number): MessageWindow | null };

export function createMessageWindowStore(db: Database.Database, live: () => void): StoreMethods {
  const sql = {
    // The tree's shape only: no text is read for the messages left out. Both columns sit before
    // the text in a row and created_at after it: reading it too costs ~3x (2,000 rows: 1.5 vs 5 ms),
    // and only the fallback to the newest message needs it.
    links: db.prepare('SELECT id, parent_id AS parentId, 0 AS createdAt FROM messages WHERE conversation_id = ?'),
    shape: db.prepare(
      'SELECT id, parent_id AS parentId, created_at AS createdAt FROM messages WHERE conversation_id = ?',
    ),
    some: db.prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM messages
       WHERE id IN (SELECT value FROM json_each(?)) AND conversation_id = ? ORDER BY seq`,
    ),
  };
  return {
    messageWindow(conversationId, leafId, size) {
      live();
      let nodes = sql.links.all(conversationId) as TreeNode[];
      if (leafId === null || !nodes.some((m) => m.id === leafId)) nodes = sql.shape.all(conversationId) as TreeNode[];
      const pick = pickWindow(nodes, leafId, size);
      if (!pick) return null;
      const rows = sql.some.all(JSON.stringify([...pick.ids]), conversationId) as MessageRow[];
      return { messages: rows.map(toMessage), earlier: pick.earlier };
    },
  };
}
