import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { noBlankLines, paragraphs } from '../../../../test/bench/pathological';
import { codeElementOf, isHighlighted } from './hast-text';
import { MAX_PARSED_BLOCK_CHARS, PIECE_CHARS, SOFT_BLOCK_CHARS } from './limits';
import type { RenderBackend } from './render-backend';
import type { RenderJob } from './render-protocol';
import { CHAPTER_SIZE, GROUP_SIZE, MAX_BLOCKS_PER_STEP, StreamRenderer, type StreamView } from './stream-renderer';
import { deferredBackend, renderHere } from './test-backends';

/** Records every view the renderer publishes. */
function watch(renderer: StreamRenderer): StreamView[] {
  const views: StreamView[] = [];
  renderer.subscribe(() => views.push(renderer.getView()));
  return views;
}

const preOf = (tree: Root): Element | undefined => tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre');

describe('StreamRenderer', () => {
  it('sends one request at a time; updates meanwhile only leave the latest text to send next', async () => {
    const worker = deferredBackend();
    const renderer = new StreamRenderer(worker.backend);
    const views = watch(renderer);
    renderer.update('One', true);
    renderer.update('One two', true);
    renderer.update('One two three', true);
    expect(worker.queue).toHaveLength(1);
    await worker.answer();
    expect(views.map((v) => v.text)).toEqual(['One']);
    expect(worker.queue).toHaveLength(1);
    await worker.answer();
    expect(views.map((v) => v.text)).toEqual(['One', 'One two three']);
    expect(worker.queue).toHaveLength(0);
  });

  it('replaces the growing code block with the finished one in one step, highlighted before and after', async () => {
    const worker = deferredBackend();
    const renderer = new StreamRenderer(worker.backend);
    const views = watch(renderer);
    const open = 'Intro\n\n```ts\nconst a: number = 1;\n';
    renderer.update(open, true);
    await worker.answer();
    const growing = views.at(-1)!.tail!.content;
    expect(growing.kind).toBe('code');
    expect(growing.kind === 'code' && growing.pieces.every((p) => p.tree !== null)).toBe(true);

    renderer.update(`${open}\`\`\`\n\nAfter`, true);
    await worker.answer();
    const view = views.at(-1)!;
    expect(view.blocks.map((b) => b.text)).toEqual(['Intro\n\n', '```ts\nconst a: number = 1;\n```\n\n']);
    const done = view.blocks[1]!.content;
    expect(done.kind === 'markdown' && isHighlighted(codeElementOf(preOf(done.tree)))).toBe(true);
    expect(view.tail?.text).toBe('After');
    // No view in between showed the code any other way.
    expect(views).toHaveLength(2);
  });

  it('keeps the blocks it already showed (same objects) as the text grows', async () => {
    const renderer = new StreamRenderer({ run: renderHere });
    renderer.update('A.\n\nB.\n\nC', true);
    const first = renderer.getView().blocks;
    renderer.update('A.\n\nB.\n\nC.\n\nD', true);
    const second = renderer.getView().blocks;
    expect(second.slice(0, first.length)).toEqual(first);
    second.slice(0, first.length).forEach((b, i) => expect(b).toBe(first[i]));
  });

  it('shows a burst of finished blocks in slices, one a frame, the growing block last', async () => {
    const worker = deferredBackend();
    const renderer = new StreamRenderer(worker.backend);
    const views = watch(renderer);
    const paragraphs = Array.from({ length: 2 * MAX_BLOCKS_PER_STEP + 10 }, (_, i) => `Paragraph ${i}.`);
    const text = `${paragraphs.join('\n\n')}\n\nStill grow`;
    renderer.update(text, true);
    // One request renders them all…
    await worker.answer();
    expect(worker.queue).toHaveLength(0);
    // …and the first frame shows the first slice: the end of the text isn't shown yet, and the view says so.
    expect(views).toHaveLength(1);
    expect(views[0]!.blocks).toHaveLength(MAX_BLOCKS_PER_STEP);
    expect(views[0]!.tail).toBeNull();
    expect(views[0]!.text).not.toBe(text);
    await new Promise((r) => setTimeout(r, 40));
    expect(views[1]!.blocks).toHaveLength(2 * MAX_BLOCKS_PER_STEP);
    // Blocks already shown keep their identity from slice to slice.
    expect(views[1]!.blocks[0]).toBe(views[0]!.blocks[0]);
    await new Promise((r) => setTimeout(r, 40));
    expect(views).toHaveLength(3);
    const last = views.at(-1)!;
    expect(last.blocks.map((b) => b.text.trim())).toEqual(paragraphs);
    expect(last.tail?.text).toBe('Still grow');
    expect(last.text).toBe(text);
  });

  it('keeps complete chapters of groups (same objects) while the answer grows', () => {
    const renderer = new StreamRenderer({ run: (jobs) => jobs.map(() => ({ type: 'root', children: [] }) as Root) });
    const perChapter = GROUP_SIZE * CHAPTER_SIZE;
    const all = Array.from({ length: 3 * perChapter }, (_, i) => `P${i}.\n\n`);
    const text = (n: number) => `${all.slice(0, n).join('')}P`;
    for (let n = 40; n <= perChapter + 40; n += 40) renderer.update(text(n), true);
    const before = renderer.getView();
    expect(before.chapters).toHaveLength(2);
    expect(before.chapters[0]!.flat()).toHaveLength(perChapter);
    for (let n = perChapter + 80; n <= 2 * perChapter + 80; n += 40) renderer.update(text(n), true);
    const after = renderer.getView();
    expect(after.chapters).toHaveLength(3);
    expect(after.chapters[0]).toBe(before.chapters[0]);
    expect(after.chapters.flat(2)).toEqual(after.blocks);
  });

  it('renders a finished answer in full, and shows a block too long to parse as plain text', () => {
    const renderer = new StreamRenderer({ run: renderHere });
    const long = 'word '.repeat(MAX_PARSED_BLOCK_CHARS / 4);
    renderer.update(`Intro $x$\n\n${long}`, false);
    const view = renderer.getView();
    expect(view.tail).toBeNull();
    expect(view.blocks[0]!.content.kind).toBe('markdown');
    const plain = view.blocks[1]!.content;
    expect(plain.kind === 'plain' && plain.pieces.join('')).toBe(long);
  });
});

/** Counts what each update asks the parser and highlighter to do; replies with empty trees. */
function countingBackend() {
  const updates: { markdown: number; code: number }[] = [];
  const backend: RenderBackend = {
    run(jobs: RenderJob[]) {
      const markdown = jobs.reduce((n, j) => n + (j.kind === 'markdown' ? j.text.length : 0), 0);
      const code = jobs.reduce((n, j) => n + (j.kind === 'code' ? j.code.length : 0), 0);
      updates.push({ markdown, code });
      return jobs.map(() => ({ type: 'root', children: [] }) as Root);
    },
  };
  return { backend, updates };
}

function stream(text: string, step: number, backend: RenderBackend) {
  const renderer = new StreamRenderer(backend);
  for (let end = step; end < text.length + step; end += step) renderer.update(text.slice(0, end), true);
  renderer.update(text, false);
}

describe('work per update is bounded by the change, not by the answer', () => {
  it('a 2 MB answer without a blank line', () => {
    const { text } = noBlankLines();
    const { backend, updates } = countingBackend();
    stream(text, 1_000, backend);
    // The growing block is split at lines: what is parsed per update (the blocks that just
    // finished and the growing one) stays small…
    const longestLine = Math.max(...text.split('\n').map((l) => l.length));
    expect(Math.max(...updates.map((u) => u.markdown))).toBeLessThanOrEqual(2 * (SOFT_BLOCK_CHARS + 1_000 + longestLine));
    // …and everything parsed over the whole stream is a small multiple of the answer (not its square).
    const total = updates.reduce((n, u) => n + u.markdown, 0);
    expect(total).toBeLessThan(6 * text.length);
  });

  it('many paragraphs', () => {
    const { text } = paragraphs(1_000_000);
    const { backend, updates } = countingBackend();
    stream(text, 5_000, backend);
    expect(Math.max(...updates.map((u) => u.markdown))).toBeLessThan(12_000);
    expect(updates.reduce((n, u) => n + u.markdown, 0)).toBeLessThan(3 * text.length);
  });

  it('a long code block: finished pieces are highlighted once, only the last one again', () => {
    const code = Array.from({ length: 800 }, (_, i) => `let v${i} = f(${i}); // ${'x'.repeat(i % 30)}`).join('\n');
    const text = '```ts\n' + code + '\n```\n\nAfter';
    const { backend, updates } = countingBackend();
    stream(text, 120, backend);
    expect(Math.max(...updates.map((u) => u.code))).toBeLessThanOrEqual(3 * PIECE_CHARS + 120);
    // Each update highlights at most the pieces that finished since the last one plus the growing piece.
    const total = updates.reduce((n, u) => n + u.code, 0);
    expect(total).toBeLessThan(updates.length * (2 * PIECE_CHARS + 120) + 2 * code.length);
  });
});
