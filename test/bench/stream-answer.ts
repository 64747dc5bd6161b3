/**
 * The streamed answer of the renderer benchmark: ~20,000 fixture tokens (~80k characters) of Markdown
 * with 40 fenced code blocks, 40 tables, inline and display math and Chinese text. Prose paragraphs
 * carry unique markers (`mk0001` …) that the benchmark watches for: the fixture's send time of the
 * frame carrying a marker vs. the page's first painted frame that shows it = chunk-to-paint latency.
 * Deterministic (no randomness): the same text every run.
 */
import { tokenize } from '../fixture';

const LANGS = ['ts', 'python', 'rust', 'go', 'sql', 'bash', 'json', 'java'] as const;

function codeBlock(i: number): string {
  const lang = LANGS[i % LANGS.length]!;
  const body: string[] = [];
  for (let l = 0; l < 8; l++) {
    switch (lang) {
      case 'ts':
        body.push(`export async function step${i}_${l}(input: Record<string, number>): Promise<number> { return Object.values(input).reduce((a, b) => a + b * ${l}, 0); }`);
        break;
      case 'python':
        body.push(`def step_${i}_${l}(items: list[int]) -> int:\n    return sum(x * ${l} for x in items if x % 2 == 0)  # 过滤偶数`);
        break;
      case 'rust':
        body.push(`fn step_${i}_${l}(v: &[u32]) -> u64 { v.iter().map(|x| (*x as u64) * ${l}).sum() }`);
        break;
      case 'go':
        body.push(`func Step${i}_${l}(ctx context.Context, xs []int) (int, error) { if ctx.Err() != nil { return 0, ctx.Err() }; return len(xs) * ${l}, nil }`);
        break;
      case 'sql':
        body.push(`SELECT c.id, count(m.id) AS n FROM conversations c JOIN messages m ON m.conversation_id = c.id WHERE c.updated_at > ${l * 1000} GROUP BY c.id;`);
        break;
      case 'bash':
        body.push(`kubectl -n bench-${i} rollout restart deployment/web-${l} && curl -fsS "http://127.0.0.1:80${l}/healthz" | jq '.status'`);
        break;
      case 'json':
        body.push(`${l === 0 ? '[' : ' '}{"id": ${i * 100 + l}, "name": "item-${l}", "tags": ["a", "b", "中文"], "ok": ${l % 2 === 0}}${l === 7 ? ']' : ','}`);
        break;
      case 'java':
        body.push(`public static int step${i}x${l}(List<Integer> xs) { return xs.stream().mapToInt(x -> x * ${l}).sum(); }`);
        break;
    }
  }
  return '```' + lang + '\n' + body.join('\n') + '\n```';
}

function table(i: number): string {
  const rows = ['| 参数 | value | unit | note |', '|---|---:|:---:|---|'];
  for (let r = 0; r < 5; r++) rows.push(`| 延迟 p${50 + r * 9} | ${(i * 3.7 + r * 11.3).toFixed(1)} | ms | \`batch=${r * 8}\` 第${r + 1}行 |`);
  return rows.join('\n');
}

const EN_SENTENCES = [
  'The renderer keeps completed blocks memoized so that only the growing tail is parsed again.',
  'Latency is measured from the moment the fixture writes a frame to the first painted frame that shows it.',
  'A long answer with tables, code and formulas is the worst case for a naive Markdown pipeline.',
  'Each section below mixes English prose, Chinese prose, a table, inline math and a fenced code block.',
];
const ZH_SENTENCES = [
  '流式输出的时候，主线程只应该处理新增加的内容，而不是每次都重新解析整个回答。',
  '代码高亮和公式渲染应该在代码块或公式完成之后只做一次，这样可以避免重复计算。',
  '我们在服务器上部署了新的版本，并且对数据库连接池和缓存索引进行了性能测试。',
];

export interface StreamAnswer {
  text: string;
  /** Fixture frames (tokens) the text streams as. */
  tokens: number;
  markers: string[];
}

export function streamAnswer(sections = 40): StreamAnswer {
  const parts: string[] = ['# Benchmark answer: a long technical walkthrough', ''];
  const markers: string[] = [];
  let m = 0;
  const marker = () => {
    const name = `mk${String(++m).padStart(4, '0')}`;
    markers.push(name);
    return name;
  };
  for (let i = 0; i < sections; i++) {
    parts.push(`## ${i + 1}. Section ${i + 1}: 第${i + 1}部分`);
    parts.push(`${EN_SENTENCES[i % 4]} ${EN_SENTENCES[(i + 1) % 4]} ${marker()} The cost grows as $O(n \\log n)$ when $n = ${i + 10}$ blocks.`);
    parts.push(`${ZH_SENTENCES[i % 3]}${ZH_SENTENCES[(i + 1) % 3]} ${marker()} ${ZH_SENTENCES[(i + 2) % 3]}`);
    parts.push(table(i));
    parts.push(`After the table, ${marker()} the expected value is $E[X] = \\sum_{k=1}^{${i + 2}} k \\cdot p_k$ and the variance follows.`);
    parts.push(`$$\n\\int_0^{${i + 1}} e^{-x^2}\\,dx \\approx \\frac{\\sqrt{\\pi}}{2}\\operatorname{erf}(${i + 1}) + \\sum_{j=0}^{\\infty} \\frac{(-1)^j}{j!}\n$$`);
    parts.push(`- **Step ${i}.a** ${marker()} check the ${EN_SENTENCES[i % 4]!.toLowerCase()}\n- **Step ${i}.b** 检查日志和权限配置\n- [ ] task ${i} ~~skipped~~ done`);
    parts.push(codeBlock(i));
    parts.push(`${EN_SENTENCES[(i + 3) % 4]} ${marker()} ${ZH_SENTENCES[(i + 1) % 3]}`);
  }
  parts.push(`That is all: ${marker()} 结束。`);
  const text = parts.join('\n\n');
  return { text, tokens: tokenize(text).length, markers };
}
