import { describe, expect, it } from 'vitest';
import { createSearch } from '../../electron/services/storage/search';
import { buildSnippet, parseQuery, snippetSource } from '../../electron/services/storage/search-text';
import type { HistoryRepository } from '../../electron/services/storage/types';
import { pageCursor } from '../../shared/paging';
import type { SearchResult } from '../../shared/schemas';
import { scalar, useStorageSandbox } from './storage-fixtures';

const sandbox = useStorageSandbox();

const chat = (repo: HistoryRepository, title = 'Chat') => repo.createConversation({ title, connectionId: null, model: null });
const say = (repo: HistoryRepository, conversationId: string, content: string, status: 'done' | 'streaming' = 'done') =>
  repo.insertMessage({ conversationId, parentId: null, role: status === 'done' ? 'user' : 'assistant', content, status, model: null });

/** Message ids of every hit, in result order. */
const hitIds = (r: SearchResult) => r.groups.flatMap((g) => g.hits.map((h) => h.messageId));
const matched = (r: SearchResult) => r.groups.flatMap((g) => g.hits.flatMap((h) => h.snippet.filter((s) => s.match).map((s) => s.text)));

describe('search index sync', () => {
  it('finds a message after insert, follows an edit, and forgets a delete', () => {
    const repo = sandbox.open();
    const c = chat(repo);
    const m = say(repo, c.id, 'How do I configure nginx reverse proxy?');
    expect(hitIds(repo.search('nginx'))).toEqual([m.id]);

    repo.finishMessage(m.id, { content: 'How do I configure caddy instead?', status: 'done', error: null });
    expect(hitIds(repo.search('nginx'))).toEqual([]);
    expect(hitIds(repo.search('caddy'))).toEqual([m.id]);

    repo.deleteConversation(c.id);
    expect(hitIds(repo.search('caddy'))).toEqual([]);
    // The index holds nothing for the deleted rows (an external-content index would otherwise still match).
    expect(scalar(sandbox.raw(), `SELECT count(*) FROM messages_fts WHERE messages_fts MATCH '"caddy"'`)).toBe(0);
    expect(scalar(sandbox.raw(), `INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1) RETURNING 1`)).toBe(1);
  });

  it('indexes a streaming answer only when it finishes, with its reasoning', () => {
    const repo = sandbox.open();
    const c = chat(repo);
    const m = say(repo, c.id, 'partial answer about zeppelins', 'streaming');
    repo.updateMessageContent(m.id, 'partial answer about zeppelins and blimps');
    expect(hitIds(repo.search('zeppelins'))).toEqual([]);

    repo.finishMessage(m.id, { content: 'final answer about zeppelins and blimps', status: 'done', error: null, reasoning: '思考飞艇的历史' });
    expect(hitIds(repo.search('blimps'))).toEqual([m.id]);
    const inReasoning = repo.search('飞艇的');
    expect(hitIds(inReasoning)).toEqual([m.id]);
    expect(inReasoning.groups[0]?.hits[0]?.field).toBe('reasoning');
  });

  it('marks interrupted answers searchable at start-up', () => {
    const first = sandbox.open();
    const c = chat(first);
    const m = say(first, c.id, 'half written answer about quasars', 'streaming');
    first.close();
    const second = sandbox.open();
    second.markStreamingInterrupted();
    expect(hitIds(second.search('quasars'))).toEqual([m.id]);
    expect(scalar(sandbox.raw(), `INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1) RETURNING 1`)).toBe(1);
  });
});

describe('search queries', () => {
  const seed = (repo: HistoryRepository) => {
    const deploy = chat(repo, '部署');
    const a = say(repo, deploy.id, '如何在服务器上部署应用？我用的是 Docker。');
    const b = say(repo, deploy.id, '部署应用需要先构建镜像，然后推送到仓库。');
    const rust = chat(repo, 'Rust');
    const c = say(repo, rust.id, 'The Borrow Checker rejects this function because of lifetimes.');
    const d = say(repo, rust.id, 'fn main() { println!("hello (world) * NEAR"); }');
    return { deploy, rust, a, b, c, d };
  };

  it('finds Chinese phrases of 3+ characters through the trigram index', () => {
    const repo = sandbox.open();
    const { a, b, deploy } = seed(repo);
    const r = repo.search('部署应用');
    expect(r.groups.map((g) => g.conversationId)).toEqual([deploy.id]);
    expect(hitIds(r).sort()).toEqual([a.id, b.id].sort());
    expect(matched(r)).toEqual(['部署应用', '部署应用']);
    expect(r.partial).toBe(false);
  });

  it('finds 1–2 character Chinese words through the fallback', () => {
    const repo = sandbox.open();
    const { a, b } = seed(repo);
    const r = repo.search('部署');
    expect(new Set(hitIds(r))).toEqual(new Set([a.id, b.id]));
    expect(matched(r).every((t) => t === '部署')).toBe(true);
    expect(hitIds(repo.search('镜'))).toEqual([b.id]);
    // Short and long terms together: the long one through the index, the short one as a filter.
    expect(hitIds(repo.search('服务器 部署'))).toEqual([a.id]);
  });

  it('bounds the 1–2 character scan to the newest messages and says so', () => {
    const repo = sandbox.open();
    const c = chat(repo);
    const old = say(repo, c.id, '很久以前的部署记录');
    for (let i = 0; i < 4; i++) say(repo, c.id, `newer message ${i}`);
    say(repo, c.id, '镜像 older');
    const other = chat(repo, 'other');
    const newest = say(repo, other.id, '镜像 newest');
    const search = createSearch(sandbox.raw(), { shortScanBudget: 3 });
    expect(search.search('部署')).toEqual({ groups: [], partial: true });
    expect(createSearch(sandbox.raw(), { shortScanBudget: 100 }).search('部署')).toMatchObject({ partial: false });
    expect(hitIds(createSearch(sandbox.raw(), { shortScanBudget: 100 }).search('部署'))).toEqual([old.id]);
    // A page (here: one conversation) filled before the floor is complete, not partial.
    expect(search.search('镜', 1)).toMatchObject({ partial: false });
    expect(hitIds(search.search('镜', 1))).toEqual([newest.id]);
  });

  it('finds English words case-insensitively and inside identifiers', () => {
    const repo = sandbox.open();
    const { c, d, rust } = seed(repo);
    expect(hitIds(repo.search('borrow checker'))).toEqual([c.id]);
    expect(hitIds(repo.search('LIFETIMES'))).toEqual([c.id]);
    expect(hitIds(repo.search('println'))).toEqual([d.id]);
    expect(repo.search('function').groups[0]).toMatchObject({ conversationId: rust.id, title: 'Rust' });
    expect(hitIds(repo.search('nonexistentword'))).toEqual([]);
  });

  it.each([
    '"', '""', '"hello', 'hello"', '*', 'hel*', '(world)', '(', ')', 'NEAR', 'NEAR(hello world)', 'hello AND', 'OR',
    'NOT x', '-x', 'a:b', 'content:hello', '^hello', '{content}', "it's", '%', '_', '\\', '%_\\', '  ', '',
  ])('never throws on the query %j', (query) => {
    const repo = sandbox.open();
    seed(repo);
    expect(() => repo.search(query)).not.toThrow();
  });

  it('treats operators and quotes as literal text', () => {
    const repo = sandbox.open();
    const { d } = seed(repo);
    expect(hitIds(repo.search('(world)'))).toEqual([d.id]);
    expect(hitIds(repo.search('"hello'))).toEqual([d.id]);
    expect(hitIds(repo.search('* NEAR'))).toEqual([d.id]);
    expect(hitIds(repo.search('%'))).toEqual([]);
    expect(hitIds(repo.search('_'))).toEqual([]);
  });

  it('ranks the newest first when the match is equally good', () => {
    const repo = sandbox.open();
    const ids = [0, 1, 2].map((i) => {
      const c = chat(repo, `t${i}`);
      return say(repo, c.id, 'identical text about photosynthesis').conversationId;
    });
    expect(repo.search('photosynthesis').groups.map((g) => g.conversationId)).toEqual([...ids].reverse());
    expect(repo.search('光合').groups).toEqual([]);
  });

  it('reads the index newest first without sorting every match', () => {
    sandbox.open();
    const plan = sandbox
      .raw()
      .prepare(
        `EXPLAIN QUERY PLAN SELECT m.id FROM messages_fts f JOIN messages m ON m.rowid = f.rowid
         JOIN conversations c ON c.id = m.conversation_id
         WHERE messages_fts MATCH '"abc"' AND c.deleted_at IS NULL ORDER BY f.rowid DESC`,
      )
      .all() as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/SCAN f VIRTUAL TABLE/);
    expect(details).not.toContain('TEMP B-TREE');
  });

  it('groups hits by conversation, caps the groups, and hides soft-deleted conversations', () => {
    const repo = sandbox.open();
    const convs = Array.from({ length: 5 }, (_, i) => chat(repo, `c${i}`));
    for (const c of convs) for (let i = 0; i < 5; i++) say(repo, c.id, `entry ${i} about tardigrades`);
    const r = repo.search('tardigrades', 3);
    expect(r.groups).toHaveLength(3);
    expect(r.groups.every((g) => g.hits.length === 3)).toBe(true);

    repo.softDeleteConversation(convs[4]!.id);
    expect(repo.search('tardigrades').groups.map((g) => g.conversationId)).not.toContain(convs[4]!.id);
    repo.restoreConversation(convs[4]!.id);
    expect(repo.search('tardigrades').groups.map((g) => g.conversationId)).toContain(convs[4]!.id);
  });
});

describe('snippets', () => {
  it('returns plain text segments with the matches marked, never markup', () => {
    const text = `${'x'.repeat(100)} <img src=x onerror=alert(1)> Deploy here, deploy there ${'y'.repeat(300)}`;
    const segments = buildSnippet(text, ['deploy'])!;
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Deploy', 'deploy']);
    expect(segments[0]?.text.startsWith('…')).toBe(true);
    expect(segments.at(-1)?.text.endsWith('…')).toBe(true);
    expect(segments.every((s) => typeof s.text === 'string' && typeof s.match === 'boolean')).toBe(true);
    expect(segments.map((s) => s.text).join('')).toContain('<img src=x onerror=alert(1)>');
  });

  it('never splits a surrogate pair and collapses whitespace', () => {
    const text = `${'😀'.repeat(50)}\n\n部署\tnow`;
    const segments = buildSnippet(text, ['部署'])!;
    const joined = segments.map((s) => s.text).join('');
    expect(joined).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(joined).toContain('😀 部署 now');
  });

  it('a message of megabytes gets its snippet from around the match, not by parsing all of it', () => {
    const repo = sandbox.open();
    const c = chat(repo);
    // ~10 MB of Markdown paragraphs (a runaway answer), the word near the end. Parsing all of it
    // for the snippet took minutes and a gigabyte per search that hit it.
    const paragraph = 'Some **bold** text, a `code span` and a [link](https://example.com) in a paragraph.\n\n';
    const big = `${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}The zeppelin lands here.\n\n${paragraph.repeat(20)}`;
    const message = say(repo, c.id, big);
    const result = createSearch(sandbox.raw()).search('zeppelin');
    expect(hitIds(result)).toEqual([message.id]);
    const snippet = result.groups[0]!.hits[0]!.snippet;
    expect(snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['zeppelin']);
    const joined = snippet.map((s) => s.text).join('');
    expect(joined).toContain('The zeppelin lands here.');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined).not.toContain('**');
  });

  it('a long message or reasoning gets its snippet from around the match, whatever its case', () => {
    const repo = sandbox.open();
    const c = chat(repo);
    const filler = '填充内容 filler text. '.repeat(3_000); // ~60 KB on each side of the match
    const answer = say(repo, c.id, `${filler}The Zeppelin lands here, 部署完成.${filler}`);
    const thinker = repo.insertMessage({ conversationId: c.id, parentId: answer.id, role: 'assistant', content: '', status: 'streaming', model: null });
    repo.finishMessage(thinker.id, { content: 'short answer', status: 'done', error: null, reasoning: `${filler}Thinking about QUASARS now.${filler}` });

    const inContent = repo.search('zeppelin').groups[0]!.hits[0]!;
    expect(inContent.field).toBe('content');
    expect(inContent.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['Zeppelin']);
    expect(inContent.snippet.map((s) => s.text).join('')).toContain('The Zeppelin lands here');
    // 1–2 character terms are found by the scan, with their snippet from the same window.
    expect(matched(repo.search('部署'))).toEqual(['部署']);

    const inReasoning = repo.search('quasars').groups[0]!.hits[0]!;
    expect(inReasoning).toMatchObject({ messageId: thinker.id, field: 'reasoning' });
    expect(inReasoning.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['QUASARS']);
  });

  it('cuts a long text around its first match between code points', () => {
    const text = `${'😀'.repeat(3000)}部署${'😀'.repeat(3000)}`;
    const source = snippetSource(text, ['部署']);
    expect(source.length).toBeLessThan(4_100);
    expect(source).toContain('部署');
    expect(source).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(snippetSource('short 部署', ['部署'])).toBe('short 部署');
    expect(snippetSource('x'.repeat(10_000), ['nothing'])).toBe('x'.repeat(400));
    // Starts at the start of a line near the match, so that line's block syntax is read as such.
    const table = `${'word '.repeat(300)}\n| City | Days |\n|---|---|\n| **Kyoto** | 3 |\n${'more '.repeat(300)}`;
    expect(snippetSource(table, ['kyoto']).startsWith('| City | Days |\n')).toBe(true);
  });

  it('splits queries into index terms and short terms', () => {
    expect(parseQuery('  部署  kubernetes 部署 a ')).toEqual({ long: ['kubernetes'], short: ['部署', 'a'] });
  });
});

describe('sidebar paging, pins and the trash', () => {
  it('pages with a keyset cursor, pinned first, without gaps or repeats', () => {
    const repo = sandbox.open();
    const all = Array.from({ length: 23 }, (_, i) => chat(repo, `c${i}`));
    repo.setPinned(all[3]!.id, true);
    repo.setPinned(all[10]!.id, true);

    const seen: string[] = [];
    let page = repo.listConversationsPage({ limit: 5 });
    expect(page.slice(0, 2).map((c) => c.id)).toEqual([all[10]!.id, all[3]!.id]);
    expect(page[0]?.pinned).toBe(true);
    while (page.length > 0) {
      seen.push(...page.map((c) => c.id));
      page = repo.listConversationsPage({ cursor: pageCursor(page.at(-1)!), limit: 5 });
    }
    const rest = all.filter((_, i) => i !== 3 && i !== 10).reverse().map((c) => c.id);
    expect(seen).toEqual([all[10]!.id, all[3]!.id, ...rest]);
    // Without a limit: everything, in the same order (the original `conversations.list {}`).
    expect(repo.listConversationsPage().map((c) => c.id)).toEqual(seen);
    expect(repo.listConversationsPage({ cursor: 'garbage' })).toEqual([]);
  });

  it('uses the list index for a page deep in the list', () => {
    sandbox.open();
    const plan = sandbox
      .raw()
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM conversations WHERE deleted_at IS NULL AND (pinned, updated_at, id) < (0, 5, 'x')
         ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT 50`,
      )
      .all() as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toContain('conversations_list');
    expect(details).not.toContain('TEMP B-TREE');
  });

  it('soft-deletes, restores, and purges after the retention', () => {
    const repo = sandbox.open();
    const keep = chat(repo, 'keep');
    const gone = chat(repo, 'gone');
    say(repo, gone.id, 'a message in the trash');
    expect(repo.softDeleteConversation(gone.id)).toBe(true);
    expect(repo.softDeleteConversation(gone.id)).toBe(false);
    expect(repo.listConversationsPage().map((c) => c.id)).toEqual([keep.id]);
    expect(repo.restoreConversation(gone.id)?.id).toBe(gone.id);
    expect(repo.restoreConversation(gone.id)).toBeNull();
    expect(repo.listConversationsPage().map((c) => c.id)).toEqual([gone.id, keep.id]);

    repo.softDeleteConversation(gone.id);
    expect(repo.purgeDeleted(Date.now() - 60_000)).toBe(0);
    expect(repo.purgeDeleted(Date.now() + 60_000)).toBe(1);
    expect(repo.getConversation(gone.id)).toBeNull();
    expect(scalar(sandbox.raw(), 'SELECT count(*) FROM messages')).toBe(0);
    expect(repo.restoreConversation(gone.id)).toBeNull();
  });
});
