import { describe, expect, it } from 'vitest';
import type { HistoryRepository } from '../../electron/services/storage/types';
import { useStorageSandbox } from './storage-fixtures';

const sandbox = useStorageSandbox();
const chat = (repo: HistoryRepository, title: string) => repo.createConversation({ title, connectionId: null, model: null });
const say = (repo: HistoryRepository, conversationId: string, content: string) =>
  repo.insertMessage({ conversationId, parentId: null, role: 'assistant', content, status: 'done', model: null });

describe('search finds titles too', () => {
  it('a query matching only a title finds that conversation, with the title marked', () => {
    const repo = sandbox.open();
    const trip = chat(repo, '东京七日游');
    say(repo, trip.id, '第一天去浅草寺。');
    chat(repo, 'Unrelated');
    const result = repo.search('七日游');
    expect(result.groups.map((g) => g.conversationId)).toEqual([trip.id]);
    expect(result.groups[0]!.titleSnippet).toEqual([
      { text: '东京', match: false },
      { text: '七日游', match: true },
    ]);
    expect(result.groups[0]!.hits).toEqual([]);
  });

  it('title matches come first and keep their message hits; every term must be in the title', () => {
    const repo = sandbox.open();
    const a = chat(repo, 'Nginx notes');
    say(repo, a.id, 'nginx reverse proxy config');
    const b = chat(repo, 'Misc');
    say(repo, b.id, 'nginx again, newer');
    const result = repo.search('nginx');
    expect(result.groups.map((g) => g.conversationId)).toEqual([a.id, b.id]);
    expect(result.groups[0]!.hits).toHaveLength(1);
    expect(result.groups[1]!.titleSnippet).toBeNull();
    expect(repo.search('nginx misc').groups.map((g) => g.conversationId)).toEqual([]);
  });

  it('snippets are the text the message reads as, not its Markdown source', () => {
    const repo = sandbox.open();
    const c = chat(repo, 'Tables');
    say(repo, c.id, '| City | Days |\n|---|---|\n| **Kyoto** | 3 |');
    const hit = repo.search('kyoto').groups[0]!.hits[0]!;
    const text = hit.snippet.map((s) => s.text).join('');
    expect(text).toBe('City Days Kyoto 3');
    expect(hit.snippet.find((s) => s.match)?.text).toBe('Kyoto');
  });

  it('deleted conversations are not found by title', () => {
    const repo = sandbox.open();
    const c = chat(repo, 'Secret plans');
    repo.deleteConversation(c.id);
    expect(repo.search('secret').groups).toEqual([]);
  });

  it('follows a rename, a trash and a restore', () => {
    const repo = sandbox.open();
    const c = chat(repo, 'Kyoto itinerary');
    expect(repo.search('itinerary').groups.map((g) => g.conversationId)).toEqual([c.id]);
    repo.renameConversation(c.id, '京都行程安排');
    expect(repo.search('itinerary').groups).toEqual([]);
    expect(repo.search('行程安排').groups.map((g) => g.conversationId)).toEqual([c.id]);
    repo.softDeleteConversation(c.id);
    expect(repo.search('行程安排').groups).toEqual([]);
    repo.restoreConversation(c.id);
    expect(repo.search('行程安排').groups.map((g) => g.conversationId)).toEqual([c.id]);
    repo.deleteConversation(c.id);
    expect(repo.search('行程安排').groups).toEqual([]);
  });

  it('lists title matches in sidebar order, pinned first, whether few or many titles match', () => {
    const repo = sandbox.open();
    // Few matches come from the title index, many from walking the sidebar's order: same answer.
    for (const [word, count] of [['budget', 5], ['weekly', 450]] as const) {
      const ids = Array.from({ length: count }, (_, i) => chat(repo, `${i % 2 ? word.toUpperCase() : word} review ${i}`).id);
      repo.setPinned(ids[1]!, true);
      const found = repo.search(`${word} review`).groups.map((g) => g.conversationId);
      const sidebar = repo.listConversationsPage().filter((c) => c.title.toLowerCase().includes(word)).map((c) => c.id);
      expect(sidebar[0]).toBe(ids[1]);
      expect(found).toEqual(sidebar.slice(0, 20));
      // A 1–2 character term must be in the title as well.
      expect(repo.search(`${word} 9`).groups.every((g) => g.title.includes('9'))).toBe(true);
    }
  });
});
