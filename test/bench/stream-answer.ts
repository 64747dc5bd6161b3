/**
 * The streamed answers of the renderer benchmark, all generated from a seed (the same text every run):
 * - `longAnswer`: ~80,000 characters shaped like a long technical answer — 40 fenced code blocks in
 *   6 languages, 20 GFM tables, 15 display formulas and ~100 inline ones, nested lists, blockquotes,
 *   16 Chinese paragraphs. Prose carries unique markers (`mk0001` …) the benchmark watches for: the
 *   fixture's write of the frame carrying one vs. the page's first painted frame showing it = chunk-to-paint.
 *   The answer ends with a marker, so the last one timed is the last character.
 * - the pathological answers of pathological.ts.
 */
import { prng } from './generate';

export interface BenchAnswer {
  text: string;
  markers: string[];
  /** What is in it, for the report. */
  shape: string;
}

const LANGS = ['ts', 'python', 'rust', 'go', 'sql', 'bash'] as const;

const CODE_LINES: Record<(typeof LANGS)[number], ((i: number, l: number) => string)[]> = {
  ts: [
    (i, l) => `export async function step${i}_${l}(input: Record<string, number>): Promise<number> {`,
    (i, l) => `  const total = Object.values(input).reduce((a, b) => a + b * ${l}, ${i});`,
    (_, l) => `  if (total > ${l * 100}) throw new RangeError(\`too large: \${total}\`); // 超出范围`,
    () => `  return Math.round(total / 2);`,
    () => `}`,
  ],
  python: [
    (i, l) => `def step_${i}_${l}(items: list[int], *, scale: float = ${l}.5) -> int:`,
    () => `    """Sum the even items, scaled. 只统计偶数。"""`,
    (_, l) => `    return sum(int(x * scale) for x in items if x % 2 == 0 and x > ${l})`,
    () => ``,
  ],
  rust: [
    (i, l) => `fn step_${i}_${l}(v: &[u32]) -> Result<u64, String> {`,
    (_, l) => `    let s: u64 = v.iter().map(|x| (*x as u64) * ${l}).sum();`,
    () => `    if s == 0 { return Err("empty".to_string()); }`,
    () => `    Ok(s)`,
    () => `}`,
  ],
  go: [
    (i, l) => `func Step${i}x${l}(ctx context.Context, xs []int) (int, error) {`,
    () => `\tif err := ctx.Err(); err != nil {`,
    () => `\t\treturn 0, fmt.Errorf("cancelled: %w", err)`,
    () => `\t}`,
    (_, l) => `\treturn len(xs) * ${l}, nil`,
    () => `}`,
  ],
  sql: [
    () => `SELECT c.id, c.title, count(m.id) AS n, max(m.created_at) AS last_at`,
    () => `  FROM conversations c JOIN messages m ON m.conversation_id = c.id`,
    (i, l) => `  WHERE c.updated_at > ${l * 1000 + i} AND m.role = 'assistant'`,
    () => `  GROUP BY c.id ORDER BY last_at DESC LIMIT 50;`,
  ],
  bash: [
    (i, l) => `kubectl -n bench-${i} rollout restart deployment/web-${l}`,
    (_, l) => `curl -fsS "http://127.0.0.1:80${l}/healthz" | jq -r '.status' || echo "down: $?"`,
    (i) => `for f in /var/log/app-${i}/*.log; do gzip -9 "$f"; done`,
  ],
};

const EN = [
  'The renderer keeps completed blocks memoized so that only the growing tail is parsed again.',
  'Latency is measured from the moment the fixture writes a frame to the first painted frame that shows it.',
  'A long answer with tables, code and formulas is the worst case for a naive Markdown pipeline.',
  'Each section mixes English prose, Chinese prose, a table, inline math and a fenced code block.',
  'Connection pools should be sized for the peak, not the average, or tail latency suffers badly.',
  'When the cache misses, the request falls through to the database and the index decides the cost.',
  'Retries after a request was sent may bill the user twice, so the client never retries on its own.',
  'Back-pressure keeps a fast producer from flooding a slow consumer with more work than it can take.',
];
const ZH = [
  '流式输出的时候，主线程只应该处理新增加的内容，而不是每次都重新解析整个回答。',
  '代码高亮和公式渲染应该在代码块或公式完成之后只做一次，这样可以避免重复计算。',
  '我们在服务器上部署了新的版本，并且对数据库连接池和缓存索引进行了性能测试。',
  '如果代理服务器不支持长连接，那么每一次请求都需要重新建立连接，延迟会明显增加。',
  '备份应该在每次迁移之前自动完成，这样即使升级失败，用户的历史记录也不会丢失。',
];
const INLINE = [
  (n: number) => `$O(n \\log n),\\ n = ${n}$`,
  (n: number) => `$E[X] = \\sum_{k=1}^{${n}} k \\cdot p_k$`,
  (n: number) => `$\\sigma^2 = ${n}.5$`,
  (n: number) => `$\\frac{a_{${n}}}{b} \\le \\sqrt{2}$`,
  (n: number) => `$p_{95} \\approx ${n * 3}\\,\\text{ms}$`,
];
const DISPLAY = [
  (n: number) => `\\int_0^{${n}} e^{-x^2}\\,dx \\approx \\frac{\\sqrt{\\pi}}{2}\\operatorname{erf}(${n})`,
  (n: number) => `\\sum_{j=0}^{\\infty} \\frac{(-1)^j x^{2j+1}}{(2j+1)!} = \\sin x, \\quad x = ${n}`,
  (n: number) => `\\begin{aligned} T(n) &= 2T(n/2) + O(n) \\\\ &= O(n \\log n), \\quad n = ${n} \\end{aligned}`,
  (n: number) => `\\mathbf{A} = \\begin{pmatrix} ${n} & 1 \\\\ 0 & \\lambda \\end{pmatrix}, \\quad \\det \\mathbf{A} = ${n}\\lambda`,
];

export function longAnswer(seed = 20261213): BenchAnswer {
  const rand = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const markers: string[] = [];
  const marker = () => {
    const name = `mk${String(markers.length + 1).padStart(4, '0')}`;
    markers.push(name);
    return name;
  };
  const sentences = (n: number) => Array.from({ length: n }, () => pick(EN)).join(' ');
  let inline = 0;
  const math = () => pick(INLINE)(++inline);
  const counts = { code: 0, tables: 0, display: 0, chinese: 0, lists: 0, quotes: 0 };

  const parts: string[] = ['# A long technical walkthrough', `${sentences(2)} ${marker()} ${math()}.`];
  for (let i = 0; i < 40; i++) {
    parts.push(`## ${i + 1}. ${pick(['Pools', 'Caches', 'Indexes', 'Proxies', 'Retries', 'Backups'])} ${i + 1}：第${i + 1}部分`);
    parts.push(`${sentences(int(2, 3))} ${marker()} The cost is ${math()}${i % 2 === 0 ? ` and ${math()}` : ''} in the worst case.`);
    if (i % 5 < 2) {
      parts.push(`${pick(ZH)}${pick(ZH)} ${marker()} ${pick(ZH)}`);
      counts.chinese++;
    }
    if (i % 2 === 0) {
      const rows = ['| 参数 | value | unit | note |', '|---|---:|:---:|---|'];
      for (let r = 0; r < int(4, 6); r++) rows.push(`| 延迟 p${50 + r * 9} | ${(i * 3.7 + r * 11.3).toFixed(1)} | ms | \`batch=${r * 8}\` 第${r + 1}行 |`);
      parts.push(rows.join('\n'));
      counts.tables++;
    }
    if (i % 8 === 0 || i % 8 === 3 || i % 8 === 5) {
      parts.push(`$$\n${pick(DISPLAY)(i + 1)}\n$$`);
      counts.display++;
    }
    if (i % 3 === 0) {
      parts.push(
        [
          `- **Step ${i}.a** ${marker()} check the ${pick(EN).toLowerCase()}`,
          `  1. measure ${math()} first`,
          `  2. then compare against the baseline`,
          `     - nested once more: 检查日志和权限配置`,
          `- **Step ${i}.b** ${pick(ZH)}`,
          `- [ ] task ${i} ~~skipped~~ done`,
        ].join('\n'),
      );
      counts.lists++;
    }
    if (i % 4 === 1) {
      parts.push(`> **Note.** ${sentences(1)} ${marker()}\n> ${pick(ZH)}`);
      counts.quotes++;
    }
    const lang = LANGS[i % LANGS.length]!;
    const lines: string[] = [];
    const template = CODE_LINES[lang];
    for (let l = 0; lines.length < int(20, 28); l++) for (const line of template) lines.push(line(i, l));
    parts.push('```' + lang + '\n' + lines.join('\n') + '\n```');
    counts.code++;
    parts.push(`${sentences(int(1, 2))} ${marker()} ${i % 2 ? math() : 'and on to the next part'}.`);
  }
  parts.push(`That is all: 结束 ${marker()}`);
  return {
    text: parts.join('\n\n'),
    markers,
    shape: `${counts.code} fenced code blocks in ${LANGS.length} languages, ${counts.tables} GFM tables, ${counts.display} display formulas and ${inline} inline ones, ${counts.lists} nested lists, ${counts.quotes} blockquotes, ${counts.chinese} Chinese paragraphs`,
  };
}

/**
 * Cuts `text` into content deltas of `size` characters, as an upstream at a steady rate sends them.
 * A cut never falls inside a marker (the benchmark times each marker's frame) or a surrogate pair.
 */
export function cutIntoChunks(text: string, size: number): string[] {
  const protectedSpans: [number, number][] = [];
  for (const m of text.matchAll(/mk\d{4}/g)) protectedSpans.push([m.index, m.index + m[0].length]);
  const chunks: string[] = [];
  let span = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size);
    while (span < protectedSpans.length && protectedSpans[span]![1] <= end) span++;
    const inside = protectedSpans[span];
    if (inside && inside[0] < end && end < inside[1]) end = inside[1];
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end++;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
