/**
 * The first time a renderer process lays out text needing a font it hasn't used yet (the CJK
 * fallback in bold, italic or monospace, full-width punctuation), Chromium looks the font up in the
 * browser process with synchronous calls, and the layout waits for them. In the bench, the first
 * answer after a launch had a 200–1,300 ms layout in its first two seconds of which the main thread
 * itself ran 17–57 ms (trace thread time): the rest was that wait. Laying out a sample of what
 * answers contain once, while the app is idle after launch, moves the wait out of the first answer;
 * KaTeX's web fonts are fetched then too instead of mid-stream.
 */
const SAMPLE = `<h2>标题：第1部分 Heading</h2>
<p>中文段落，“引号”（括号）。English text <strong>粗体 bold</strong> <em>斜体 italic</em> <code>代码 code()</code> <del>删除</del> <a>链接</a></p>
<ul><li>列表 item 1.</li></ul><blockquote><p><strong>注意。</strong>引用 quote</p></blockquote>
<table><thead><tr><th>参数 name</th></tr></thead><tbody><tr><td>延迟 p50 <code>batch=0</code> 第1行</td></tr></tbody></table>
<pre class="code-block"><code>const x = 1; // 超出范围 comment
"""只统计偶数。"""</code></pre>`;

/** KaTeX's fonts that nearly every formula uses. */
const KATEX_FONTS = ['1em KaTeX_Main', 'italic 1em KaTeX_Math', '1em KaTeX_Size1', '1em KaTeX_Size2', 'bold 1em KaTeX_Main'];

let warmed = false;

/** Lays the sample out off screen (hidden from assistive technology) and removes it after the next frame. */
export function warmFonts(doc: Document = document): void {
  if (warmed) return;
  warmed = true;
  const box = doc.createElement('div');
  box.className = 'markdown md-warm-fonts';
  box.setAttribute('aria-hidden', 'true');
  box.innerHTML = SAMPLE;
  doc.body.append(box);
  // Layout now, in this idle task, rather than in the frame of the first answer.
  box.getBoundingClientRect();
  for (const font of KATEX_FONTS) void doc.fonts?.load(font).catch(() => {});
  requestAnimationFrame(() => setTimeout(() => box.remove(), 0));
}

/** Warms the fonts once the app is idle after launch. */
export function warmFontsWhenIdle(): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => warmFonts(), { timeout: 3_000 });
  else setTimeout(() => warmFonts(), 1_000);
}
