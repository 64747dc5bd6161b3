import { randomUUID } from 'node:crypto';
import type Database from 'libsql';
import { LINK_COLUMNS } from '../attachments/attachment-store';
import { inTransaction } from '../storage/transaction';
import { subtreeIds } from './subtree';

/** Raw rows of a deleted branch, kept so an undo puts back exactly what was there (ids, order, times). */
export interface RemovedBranch {
  conversationId: string;
  messages: Array<Record<string, unknown>>;
  links: Array<Record<string, unknown>>;
  activeLeafId: string | null;
}

// Every column of messages and message_attachments, so a restored row is the row that left.
const MESSAGE_COLS = [
  'id', 'conversation_id', 'parent_id', 'role', 'content', 'status', 'error_json', 'model', 'created_at', 'updated_at', 'seq',
  'reasoning', 'reasoning_ms', 'prompt_tokens', 'completion_tokens', 'usage_estimated',
];
const LINK_COLS = LINK_COLUMNS.split(', ');
const list = (cols: string[]) => cols.join(', ');
const params = (cols: string[]) => cols.map((c) => `@${c}`).join(', ');
const pick = (row: Record<string, unknown>, cols: string[]) => Object.fromEntries(cols.map((c) => [c, row[c] ?? null]));

/** Branch delete and undo, answer edits kept as siblings, and forks into a new conversation. */
export function createMessageOpsStore(db: Database.Database, now: () => number, live: () => void) {
  const sql = {
    treeOf: db.prepare('SELECT id, parent_id FROM messages WHERE conversation_id = ?'),
    message: db.prepare(`SELECT ${list(MESSAGE_COLS)} FROM messages WHERE id = ?`),
    linksOf: db.prepare(`SELECT ${list(LINK_COLS)} FROM message_attachments WHERE message_id = ?`),
    remove: db.prepare('DELETE FROM messages WHERE id = ?'),
    insertMessage: db.prepare(`INSERT INTO messages (${list(MESSAGE_COLS)}) VALUES (${params(MESSAGE_COLS)})`),
    insertLink: db.prepare(`INSERT INTO message_attachments (${list(LINK_COLS)}) VALUES (${params(LINK_COLS)})`),
    activeLeaf: db.prepare('SELECT active_leaf_id FROM conversations WHERE id = ?'),
    setLeaf: db.prepare('UPDATE conversations SET active_leaf_id = ?, updated_at = ? WHERE id = ?'),
    nextSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM messages WHERE conversation_id = ?'),
    copyConversation: db.prepare(
      `INSERT INTO conversations (id, title, title_is_auto, created_at, updated_at, connection_id, model,
         system_prompt, context_messages, temperature, top_p, max_tokens)
       SELECT @id, @title, 0, @now, @now, connection_id, model, system_prompt, context_messages, temperature, top_p, max_tokens
       FROM conversations WHERE id = @from`,
    ),
  };

  const subtree = (conversationId: string, rootId: string): string[] =>
    subtreeIds(
      (sql.treeOf.all(conversationId) as Array<{ id: string; parent_id: string | null }>).map((r) => ({ id: r.id, parentId: r.parent_id })),
      rootId,
    );

  const removeTx = (conversationId: string, rootId: string, nextLeaf: string | null): RemovedBranch =>
    inTransaction(db, () => {
      const ids = subtree(conversationId, rootId);
      const messages = ids.map((id) => sql.message.get(id) as Record<string, unknown>).filter(Boolean);
      const links = ids.flatMap((id) => sql.linksOf.all(id) as Array<Record<string, unknown>>);
      const { active_leaf_id: activeLeafId } = sql.activeLeaf.get(conversationId) as { active_leaf_id: string | null };
      // Children first: nothing dangles even for a moment (links go with their message by cascade).
      for (const id of [...ids].reverse()) sql.remove.run(id);
      sql.setLeaf.run(nextLeaf, now(), conversationId);
      return { conversationId, messages, links, activeLeafId };
    });

  const restoreTx = (branch: RemovedBranch) =>
    inTransaction(db, () => {
      for (const row of branch.messages) sql.insertMessage.run(pick(row, MESSAGE_COLS));
      for (const row of branch.links) sql.insertLink.run(pick(row, LINK_COLS));
      sql.setLeaf.run(branch.activeLeafId, now(), branch.conversationId);
    });

  const forkTx = (fromConversation: string, pathIds: readonly string[], title: string): string =>
    inTransaction(db, () => {
      const id = randomUUID();
      const at = now();
      sql.copyConversation.run({ id, title, now: at, from: fromConversation });
      const mapped = new Map<string, string>();
      let seq = 1;
      for (const oldId of pathIds) {
        const row = sql.message.get(oldId) as Record<string, unknown>;
        const newId = randomUUID();
        mapped.set(oldId, newId);
        // A streaming answer is copied as it stands: it will not grow in the fork.
        const status = row.status === 'streaming' ? 'interrupted' : row.status;
        sql.insertMessage.run({
          ...pick(row, MESSAGE_COLS),
          id: newId,
          conversation_id: id,
          parent_id: row.parent_id ? (mapped.get(String(row.parent_id)) ?? null) : null,
          seq: seq++,
          status,
        });
        for (const link of sql.linksOf.all(oldId) as Array<Record<string, unknown>>) sql.insertLink.run({ ...pick(link, LINK_COLS), message_id: newId });
      }
      sql.setLeaf.run(mapped.get(pathIds.at(-1) ?? '') ?? null, at, id);
      return id;
    });

  return {
    /** Deletes the message and every message under it; returns what is needed to undo it. */
    removeBranch(conversationId: string, messageId: string, nextLeaf: string | null): RemovedBranch {
      live();
      return removeTx(conversationId, messageId, nextLeaf);
    },
    restoreBranch(branch: RemovedBranch): void {
      live();
      restoreTx(branch);
    },
    /** A new conversation holding copies of `pathIds` (root first); returns its id. */
    forkConversation(fromConversation: string, pathIds: readonly string[], title: string): string {
      live();
      return forkTx(fromConversation, pathIds, title);
    },
    nextSeq(conversationId: string): number {
      live();
      return (sql.nextSeq.get(conversationId) as { seq: number }).seq;
    },
  };
}

export type MessageOpsStore = ReturnType<typeof createMessageOpsStore>;
