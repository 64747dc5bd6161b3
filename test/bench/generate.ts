/**
 * A realistic history for benchmarks: conversations of English, Chinese and code, some long answers,
 * one 2,000-message conversation. Deterministic (seeded PRNG); written with direct SQL inside
 * transactions through the real schema, so the search triggers index every message as Ferry would.
 */
import Database from 'libsql';
import { openHistory } from '../../electron/services/storage/open-history';

export interface GenerateOptions {
  conversations: number;
  messages: number;
  /** Messages in the one long conversation (counted in `messages`). */
  longConversation: number;
  seed: number;
}

export interface Generated {
  longConversationId: string;
  conversations: number;
  messages: number;
  bytes: number;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = (
  'the a to of and in is it you that for on with as this be are can your not use if or from by one at have ' +
  'function return value error server client request response database query index cache memory thread process ' +
  'kubernetes docker deploy container network proxy certificate latency throughput token model prompt answer ' +
  'python typescript rust golang compiler runtime library package version update install config file path ' +
  'performance benchmark schema migration backup restore search result message conversation history window'
).split(' ');
const ZH = (
  '我们 你 的 是 在 了 和 有 这个 一个 可以 需要 如果 然后 因为 所以 但是 没有 已经 问题 方法 服务器 部署 ' +
  '数据库 连接 配置 文件 代码 函数 变量 网络 代理 证书 模型 回答 对话 历史 搜索 结果 性能 内存 线程 进程 ' +
  '容器 镜像 版本 更新 安装 路径 缓存 索引 查询 请求 响应 错误 日志 用户 权限 测试 发布 迁移 备份 恢复'
).split(' ');
const CODE = [
  'const result = await fetch(url, { method: "POST", body: JSON.stringify(payload) });',
  'for (let i = 0; i < items.length; i++) { total += items[i].price * items[i].count; }',
  'def handler(event, context):\n    return {"statusCode": 200, "body": json.dumps(event)}',
  'fn main() { let v: Vec<u32> = (0..10).map(|x| x * x).collect(); println!("{:?}", v); }',
  'SELECT id, title FROM conversations WHERE updated_at > ? ORDER BY updated_at DESC LIMIT 50;',
  'kubectl apply -f deployment.yaml && kubectl rollout status deployment/web',
];

export function generateHistory(file: string, options: GenerateOptions): Generated {
  // Create the schema through Ferry itself, then bulk-load over a plain connection.
  openHistory(file).close();
  const db = new Database(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF');
  const rand = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

  const english = (words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(pick(EN));
    const s = out.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const chinese = (words: number) => {
    let s = '';
    for (let i = 0; i < words; i++) s += pick(ZH) + (rand() < 0.08 ? '，' : '');
    return s + '。';
  };
  const code = () => '```\n' + Array.from({ length: int(2, 12) }, () => pick(CODE)).join('\n') + '\n```';
  const question = (zh: boolean) => (zh ? chinese(int(8, 40)) : english(int(8, 50)));
  const answer = (zh: boolean) => {
    // ~5 % long answers (4–12k characters); typical answers are a few paragraphs.
    const long = rand() < 0.05;
    const parts: string[] = [];
    const count = long ? int(10, 30) : int(1, 4);
    for (let i = 0; i < count; i++) {
      const r = rand();
      parts.push(r < 0.2 ? code() : zh ? chinese(int(15, 80)) : english(int(15, 90)));
    }
    return parts.join('\n\n');
  };

  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, title, title_is_auto, created_at, updated_at, connection_id, model, active_leaf_id)
     VALUES (?, ?, 1, ?, ?, NULL, 'bench-model', ?)`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, error_json, model, created_at, updated_at, seq)
     VALUES (?, ?, ?, ?, ?, 'done', NULL, 'bench-model', ?, ?, ?)`,
  );

  // Sizes: one long conversation, the rest split around the average, summing exactly to `messages`.
  const rest = options.messages - options.longConversation;
  const others = options.conversations - 1;
  const sizes = Array.from({ length: others }, () => 2 * int(Math.max(1, Math.floor(rest / others / 2) - 8), Math.floor(rest / others / 2) + 8));
  let diff = rest - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % others) {
    const step = diff > 0 ? 1 : -1;
    if (sizes[i]! + step >= 1) {
      sizes[i] = sizes[i]! + step;
      diff -= step;
    }
  }
  const longIndex = Math.floor(others * 0.9); // recent, but not the newest
  sizes.splice(longIndex, 0, options.longConversation);

  let clock = Date.UTC(2024, 0, 1);
  let bytes = 0;
  let written = 0;
  let longConversationId = '';
  const batch = 200;
  for (let start = 0; start < sizes.length; start += batch) {
    db.transaction(() => {
      for (let c = start; c < Math.min(start + batch, sizes.length); c++) {
        const id = `conv-${String(c).padStart(6, '0')}`;
        if (c === longIndex) longConversationId = id;
        const zh = rand() < 0.45;
        const created = clock;
        const n = sizes[c]!;
        const rows: [string, string | null, string, string, number, number][] = [];
        let parent: string | null = null;
        for (let m = 0; m < n; m++) {
          clock += int(1_000, 120_000);
          const mid = `${id}-${m}`;
          const content = m % 2 === 0 ? question(zh) : answer(zh);
          bytes += Buffer.byteLength(content);
          rows.push([mid, parent, m % 2 === 0 ? 'user' : 'assistant', content, clock, m + 1]);
          parent = mid;
        }
        insertConversation.run(id, question(zh).slice(0, 40), created, clock, parent);
        for (const [mid, par, role, content, at, seq] of rows) insertMessage.run(mid, id, par, role, content, at, at, seq);
        written += n;
        clock += int(60_000, 3_600_000);
      }
    })();
  }
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return { longConversationId, conversations: sizes.length, messages: written, bytes };
}
