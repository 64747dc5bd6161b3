import { describe, expect, it } from 'vitest';
import { buildThread } from '../../shared/message-tree';
import { MAX_MESSAGE_WINDOW, routes } from '../../shared/routes';
import type { Message } from '../../shared/schemas';
import type { HistoryRepository } from '../../electron/services/storage/types';
import { useStorageSandbox } from './storage-fixtures';

const sandbox = useStorageSandbox();

/** A conversation of `turns` question/answer pairs; returns its messages in order. */
function linear(repo: HistoryRepository, turns: number) {
  const conversation = repo.createConversation({ title: 'Long', connectionId: null, model: null });
  const messages: Message[] = [];
  let parentId: string | null = null;
  for (let i = 0; i < turns * 2; i++) {
    const m = repo.insertMessage({
      conversationId: conversation.id,
      parentId,
      role: i % 2 ? 'assistant' : 'user',
      content: `message ${i} `.repeat(50),
      status: 'done',
      model: null,
    });
    messages.push(m);
    parentId = m.id;
  }
  return { conversation, messages };
}

const ids = (list: readonly { id: string }[]) => list.map((m) => m.id);

describe('the window a long conversation opens with (real SQLite file)', () => {
  it('is the end of the active path with the siblings its branch switchers count, and says how much is above it', () => {
    const repo = sandbox.open();
    const { conversation, messages } = linear(repo, 50);
    // Two more answers beside the 95th message (an assistant one): ‹ 1/3 › on it.
    const parent = messages[94]!;
    const siblingA = repo.insertMessage({ conversationId: conversation.id, parentId: parent.id, role: 'assistant', content: 'other answer', status: 'done', model: null });
    const siblingB = repo.insertMessage({ conversationId: conversation.id, parentId: parent.id, role: 'assistant', content: 'third answer', status: 'done', model: null });
    // A branch under a sibling: off the path, not part of the window.
    const offPath = repo.insertMessage({ conversationId: conversation.id, parentId: siblingA.id, role: 'user', content: 'deep', status: 'done', model: null });
    const leaf = messages.at(-1)!;
    repo.setActiveLeaf(conversation.id, leaf.id);

    const window = repo.messageWindow(conversation.id, leaf.id, 10)!;
    expect(window.earlier).toBe(90);
    const whole = repo.listMessages(conversation.id);
    const full = buildThread(whole, leaf.id);
    const part = buildThread(window.messages, leaf.id);
    expect(ids(part.path)).toEqual(ids(full.path.slice(-10)));
    expect(ids(window.messages).sort()).toEqual([...ids(messages.slice(-10)), siblingA.id, siblingB.id].sort());
    expect(ids(window.messages)).not.toContain(offPath.id);
    // Every message on screen shows the same ‹ n/m › as it would with the whole tree.
    for (const m of part.path) expect(part.siblings.get(m.id)).toEqual(full.siblings.get(m.id));
    expect(part.siblings.get(messages[95]!.id)?.count).toBe(3);
    // Text and fields come whole, as listMessages gives them.
    const byId = new Map(whole.map((m) => [m.id, m]));
    for (const m of window.messages) expect(m).toEqual(byId.get(m.id));
  });

  it('follows the active leaf onto an older branch, and falls back to the newest message without one', () => {
    const repo = sandbox.open();
    const { conversation, messages } = linear(repo, 20);
    const fork = messages[9]!;
    const branch = repo.insertMessage({ conversationId: conversation.id, parentId: fork.id, role: 'user', content: 'branch', status: 'done', model: null });
    const branchAnswer = repo.insertMessage({ conversationId: conversation.id, parentId: branch.id, role: 'assistant', content: 'branch answer', status: 'done', model: null });

    const onOld = repo.messageWindow(conversation.id, messages.at(-1)!.id, 4)!;
    expect(buildThread(onOld.messages, messages.at(-1)!.id).path.map((m) => m.id)).toEqual(ids(messages.slice(-4)));
    expect(onOld.earlier).toBe(36);

    const newest = repo.messageWindow(conversation.id, null, 4)!;
    expect(buildThread(newest.messages, null).path.map((m) => m.id)).toEqual([messages[8]!.id, fork.id, branch.id, branchAnswer.id]);
    expect(newest.earlier).toBe(8);
    // messages[10] is the old branch's first message: a sibling of `branch`, so its switcher shows 2/2.
    expect(ids(newest.messages)).toContain(messages[10]!.id);
  });

  it('is null when it would be the whole conversation (the caller sends the tree instead)', () => {
    const repo = sandbox.open();
    const { conversation, messages } = linear(repo, 5);
    expect(repo.messageWindow(conversation.id, messages.at(-1)!.id, 10)).toBeNull();
    expect(repo.messageWindow(conversation.id, messages.at(-1)!.id, 9)?.earlier).toBe(1);
    const empty = repo.createConversation({ title: 'Empty', connectionId: null, model: null });
    expect(repo.messageWindow(empty.id, null, 10)).toBeNull();
  });

  it('never reads across conversations and survives reopening the file', () => {
    const first = sandbox.open();
    const a = linear(first, 10);
    const b = linear(first, 10);
    first.close();
    const repo = sandbox.open();
    // b's leaf as a's leaf: unknown there, so a's newest message is the end.
    const window = repo.messageWindow(a.conversation.id, b.messages.at(-1)!.id, 3)!;
    expect(ids(window.messages)).toEqual(ids(a.messages.slice(-3)));
    expect(window.messages.every((m) => m.conversationId === a.conversation.id)).toBe(true);
  });

  it('is asked for with a bounded size', () => {
    const input = routes['conversations.get'].input;
    const id = '00000000-0000-4000-8000-000000000000';
    expect(input.safeParse({ id }).success).toBe(true);
    expect(input.safeParse({ id, window: 40 }).success).toBe(true);
    expect(input.safeParse({ id, window: 0 }).success).toBe(false);
    expect(input.safeParse({ id, window: MAX_MESSAGE_WINDOW + 1 }).success).toBe(false);
  });
});
