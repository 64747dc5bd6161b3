/**
 * Answers that break a renderer whose cost grows with the answer rather than with the change
 * (seeded, the same text every run; each ends with a marker so its last character is timed):
 * - `noBlankLines`: ~2 MB of lines with no blank line anywhere — prose, headings, list items.
 *   Markdown sees one ever-growing block.
 * - `paragraphs`: ~10 MB of ordinary paragraphs (tens of thousands of blocks).
 * - `repeatedSections`: a table, a fenced code block and a display formula per section, over and
 *   over, meant to be streamed in 12-character chunks (every structure arrives in many pieces).
 */
import { prng } from './generate';
import type { BenchAnswer } from './stream-answer';

const EN = [
  'The proxy forwards the request and the upstream answers with a stream of small events.',
  'Each event carries a few characters, and the client appends them to what it already shows.',
  'When the cache is cold the first query pays for the index scan, later ones hit memory.',
  'A migration runs inside one transaction so a failure leaves the old schema in place.',
  'Back-pressure keeps a fast producer from flooding a slow consumer with more than it can take.',
];
const ZH = [
  '代理服务器转发请求，上游以一连串小事件的形式返回答案。',
  '每个事件只带几个字符，客户端把它们追加到已经显示的内容后面。',
  '迁移在一个事务里完成，失败时旧的表结构保持不变。',
];

function markerMaker() {
  const markers: string[] = [];
  return {
    markers,
    next: () => {
      const name = `mk${String(markers.length + 1).padStart(4, '0')}`;
      markers.push(name);
      return name;
    },
  };
}

export function noBlankLines(chars = 2_000_000, seed = 7): BenchAnswer {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const m = markerMaker();
  const lines: string[] = [];
  let size = 0;
  const every = Math.max(1, Math.floor(chars / 100 / 200)); // ~200 markers
  for (let i = 0; size < chars; i++) {
    let line: string;
    if (i % 60 === 0) line = `### Part ${i / 60 + 1}`;
    else if (i % 25 < 3) line = `- item ${i}: ${pick(EN)}`;
    else line = `${rand() < 0.3 ? pick(ZH) : pick(EN)} ${pick(EN)}`;
    if (i % every === 0) line += ` ${m.next()}`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push(`The end ${m.next()}`);
  return { text: lines.join('\n'), markers: m.markers, shape: `${lines.length.toLocaleString('en')} lines, no blank line` };
}

export function paragraphs(chars = 10_000_000, seed = 11): BenchAnswer {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const m = markerMaker();
  const parts: string[] = [];
  let size = 0;
  const every = Math.max(1, Math.floor(chars / 400 / 300)); // ~300 markers
  for (let i = 0; size < chars; i++) {
    let p: string;
    if (i % 40 === 0) p = `## Chapter ${i / 40 + 1}`;
    else {
      const n = 2 + Math.floor(rand() * 5);
      p = Array.from({ length: n }, () => (rand() < 0.3 ? pick(ZH) : pick(EN))).join(' ');
    }
    if (i % every === 0) p += ` ${m.next()}`;
    parts.push(p);
    size += p.length + 2;
  }
  parts.push(`The end ${m.next()}`);
  return { text: parts.join('\n\n'), markers: m.markers, shape: `${parts.length.toLocaleString('en')} paragraphs and headings` };
}

export function repeatedSections(sections = 40): BenchAnswer {
  const m = markerMaker();
  const parts: string[] = [];
  for (let i = 0; i < sections; i++) {
    parts.push(`### Section ${i + 1}`);
    parts.push(`Numbers for run ${i + 1}, ${m.next()} measured twice.`);
    const rows = ['| metric | p50 | p95 | note |', '|---|---:|---:|---|'];
    for (let r = 0; r < 5; r++) rows.push(`| latency ${r} | ${(i + r * 1.5).toFixed(1)} | ${(i * 2 + r * 3.25).toFixed(2)} | \`run=${i}\` 第${r + 1}行 |`);
    parts.push(rows.join('\n'));
    const code = Array.from({ length: 10 }, (_, l) => `  const v${l} = await measure(${i}, ${l}); // step ${l}`);
    parts.push('```ts\nasync function section' + i + '() {\n' + code.join('\n') + '\n}\n```');
    parts.push(`$$\n\\sum_{k=1}^{${i + 2}} \\frac{k^2}{${i + 1}} = \\frac{(${i + 2})(${i + 3})(${2 * i + 5})}{6 \\cdot ${i + 1}}\n$$`);
  }
  parts.push(`Done ${m.next()}`);
  return { text: parts.join('\n\n'), markers: m.markers, shape: `${sections} sections of a table, a code block and a display formula` };
}
