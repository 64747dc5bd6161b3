import type { Root } from 'hast';
import { MAX_HIGHLIGHT_CHARS, MAX_PARSED_BLOCK_CHARS } from './limits';
import { PieceCutter } from './pieces';
import type { RenderBackend } from './render-backend';
import type { RenderJob } from './render-protocol';
import { emptySplit, openFenceOfTail, splitBlocks, tailOf, type Block, type SplitState } from './split-blocks';
import { buildStaticCode, buildStaticNodes } from './static-dom';

/**
 * The rendering state of one streaming answer, outside React: each update splits the new text
 * into blocks (split-blocks.ts), sends what is new — blocks that just finished (to render in full:
 * math, highlighting) and the growing tail (GFM only, math as source) — to the render backend in
 * one request, and publishes a new view when the reply is back. While a request is out, further
 * updates only remember the latest text; when the reply lands, that text goes out next. So the
 * screen moves from one consistent state to the next (a finished block replaces the tail it was in
 * one commit, already highlighted), and a slow renderer makes updates rarer instead of piling up.
 *
 * Work per update is bounded by the size of the change: finished blocks are rendered once,
 * the tail is a single block (kept short by split-blocks' soft splits), and what can't be parsed
 * cheaply is shown as plain text — a growing code fence as line-aligned pieces highlighted one by
 * one, a table while it grows as its source, any block past MAX_PARSED_BLOCK_CHARS as plain text.
 */
export interface CodePiece {
  text: string;
  /** highlight.js tokens (null: plain). */
  tree: Root | null;
}

export type BlockContent =
  | { kind: 'markdown'; tree: Root }
  /** A finished block of text and formatting only, built once as DOM (static-dom.ts); its hast is not kept. */
  | { kind: 'static'; nodes: readonly Node[] }
  /** A finished fenced code block, its highlighted tokens built as DOM the same way (CodeBlock puts them in). */
  | { kind: 'static-code'; language: string; code: string; nodes: readonly Node[] }
  /** Code shown from the text directly: a fence still growing, or one too long to parse. */
  | { kind: 'code'; language: string; pieces: readonly CodePiece[] }
  /** Text shown as written: a table still growing (`table`), or a block too long to parse. */
  | { kind: 'plain'; pieces: readonly string[]; table: boolean };

export interface RenderedBlock {
  text: string;
  continuation: boolean;
  content: BlockContent;
}

export interface StreamView {
  /** The text this view shows, and whether it was shown as still streaming. */
  text: string;
  live: boolean;
  /** Finished blocks: the array grows, the blocks in it keep their identity. */
  blocks: readonly RenderedBlock[];
  /** The same blocks in groups of GROUP_SIZE; a full group keeps its identity while blocks are only added. */
  groups: readonly (readonly RenderedBlock[])[];
  /**
   * The groups in chapters of CHAPTER_SIZE: a chapter whose groups are all full keeps its identity, so
   * an update re-renders only the last chapter, however long the answer (a 10 MB one has ~2,300 groups).
   */
  chapters: readonly (readonly (readonly RenderedBlock[])[])[];
  tail: RenderedBlock | null;
}

/** Groups of finished blocks the browser may skip laying out while they are off screen. */
export const GROUP_SIZE = 16;

/** Groups per chapter (GROUP_SIZE × CHAPTER_SIZE blocks). */
export const CHAPTER_SIZE = 16;

export const EMPTY_VIEW: StreamView = { text: '', live: true, blocks: [], groups: [], chapters: [], tail: null };

function groupsOf(blocks: readonly RenderedBlock[], before: StreamView): readonly (readonly RenderedBlock[])[] {
  if (blocks === before.blocks) return before.groups;
  const prev = before.blocks;
  const grew = blocks.length >= prev.length && blocks[0] === prev[0] && blocks[prev.length - 1] === prev.at(-1);
  const groups = grew ? before.groups.filter((g) => g.length === GROUP_SIZE) : [];
  for (let i = groups.length * GROUP_SIZE; i < blocks.length; i += GROUP_SIZE) groups.push(blocks.slice(i, i + GROUP_SIZE));
  return groups;
}

const complete = (chapter: readonly (readonly RenderedBlock[])[]) => chapter.length === CHAPTER_SIZE && chapter.at(-1)!.length === GROUP_SIZE;

function chaptersOf(groups: StreamView['groups'], before: StreamView): StreamView['chapters'] {
  if (groups === before.groups) return before.chapters;
  // Full groups keep their identity while blocks are only added (groupsOf): so do complete chapters.
  const grew = before.groups.length > 0 && groups[0] === before.groups[0];
  const chapters = grew ? before.chapters.filter(complete) : [];
  for (let i = chapters.length * CHAPTER_SIZE; i < groups.length; i += CHAPTER_SIZE) chapters.push(groups.slice(i, i + CHAPTER_SIZE));
  return chapters;
}

const TABLE_START = /^ {0,3}\|/;
const FENCE_LINE = /^( {0,3})(`{3,}|~{3,})([^\n]*)(?:\n|$)/;

/** Renders of finished blocks and code pieces, shared by every answer (remounts render at once). */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.set(key, v);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value!);
  }
}
const blockCache = new Lru<Root>(1_000);
type StaticContent = Extract<BlockContent, { kind: 'static' | 'static-code' }>;
/** The same for blocks built as DOM: a hit is cloned (the cached nodes may be on screen in another answer). */
const staticCache = new Lru<StaticContent>(1_000);
const cloned = (content: StaticContent): StaticContent => ({ ...content, nodes: content.nodes.map((n) => n.cloneNode(true)) });

/** A finished block's tree as DOM, if all of it can be (static-dom.ts). */
function staticContentOf(tree: Root): StaticContent | null {
  const nodes = buildStaticNodes(tree);
  if (nodes) return { kind: 'static', nodes };
  const code = buildStaticCode(tree);
  return code && { kind: 'static-code', ...code };
}
const pieceCache = new Lru<Root | null>(2_000);
const pieceKey = (language: string, code: string) => `${language}\u0000${code}`;

/** One rendering step: the jobs to run and how to build the view from their results. */
interface Plan {
  jobs: RenderJob[];
  build(trees: readonly (Root | null)[]): Built;
}

/** A whole render of the text, before it is cut into what one frame shows. */
type Built = Pick<StreamView, 'text' | 'live' | 'blocks' | 'tail'>;

/**
 * Finished blocks shown per frame. A fast stream of short paragraphs (the 10 MB bench answer) brings
 * dozens per update, and more after a slow reply; each new block is DOM to style and lay out in the
 * next frame (measured: ~700 new elements made 70–90 ms style passes), so a burst goes in slices.
 */
export const MAX_BLOCKS_PER_STEP = 48;
/** A larger backlog is shown in this many slices (bigger ones), so it doesn't lag behind for seconds. */
const CATCH_UP_FRAMES = 12;

const nextFrame = (fn: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => fn()) : setTimeout(fn, 16));

const isPromise = <T>(x: T | Promise<T>): x is Promise<T> => typeof (x as { then?: unknown })?.then === 'function';

export class StreamRenderer {
  private split: SplitState = emptySplit();
  private view: StreamView = EMPTY_VIEW;
  private readonly listeners = new Set<() => void>();
  private wanted: { text: string; live: boolean } | null = null;
  private busy = false;
  /** The last render of the text (what the next update builds on); `view` may show only part of it yet. */
  private built: Built = EMPTY_VIEW;
  /** A frame is awaited to show the next slice of `built`. */
  private presenting = false;
  /** Pieces of the growing tail, kept while the tail starts at the same place. */
  private tailPieces: { start: number; generation: number; cutter: PieceCutter } | null = null;

  /**
   * `firstBackend`: asked at the first update for a backend that renders at once (the main
   * thread), so text that is already there when a view mounts doesn't show up empty.
   */
  constructor(
    private readonly backend: RenderBackend,
    private readonly firstBackend: () => RenderBackend | undefined = () => undefined,
  ) {}

  private started = false;

  readonly getView = (): StreamView => this.view;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The text to show now; `live`: still streaming (the last block is the growing tail). */
  update(text: string, live: boolean): void {
    this.wanted = { text, live };
    const first = !this.started;
    this.started = true;
    const now = first && text !== '' && text.length <= MAX_PARSED_BLOCK_CHARS ? this.firstBackend() : undefined;
    if (!this.busy) this.step(now ?? this.backend);
  }

  private step(backend: RenderBackend): void {
    const wanted = this.wanted;
    this.wanted = null;
    const built = this.built;
    if (!wanted || (wanted.text === built.text && wanted.live === built.live && built !== EMPTY_VIEW)) return;
    const plan = this.plan(wanted.text, wanted.live);
    const results = plan.jobs.length ? backend.run(plan.jobs) : [];
    if (!isPromise(results)) {
      this.commit(plan.build(results));
      return;
    }
    this.busy = true;
    void results.then(
      (trees) => this.afterReply(plan.build(trees)),
      // The backend never rejects (failures come back as null trees), but don't get stuck if it does.
      () => this.afterReply(null),
    );
  }

  private afterReply(built: Built | null): void {
    this.busy = false;
    if (built) this.commit(built);
    if (this.wanted) this.step(this.backend);
  }

  private commit(built: Built): void {
    this.built = built;
    this.present();
  }

  /**
   * Shows what was rendered last: at once, or — when more than MAX_BLOCKS_PER_STEP finished blocks
   * are new — a slice now and the next at the next frame, without the tail until all are in.
   */
  private present(): void {
    const built = this.built;
    const shown = this.view.blocks;
    const extends_ = shown.length <= built.blocks.length && (shown.length === 0 || built.blocks[shown.length - 1] === shown.at(-1));
    const from = extends_ ? shown.length : 0;
    // A backlog of thousands (a whole long answer at once) still takes no more than ~CATCH_UP_FRAMES frames.
    const slice = Math.max(MAX_BLOCKS_PER_STEP, Math.ceil((built.blocks.length - from) / CATCH_UP_FRAMES));
    const partial = built.blocks.length - from > slice;
    const blocks = partial ? built.blocks.slice(0, from + slice) : built.blocks;
    const groups = groupsOf(blocks, this.view);
    // A partial view doesn't show all of the text: its `text` says so (the final render is still pending).
    this.view = partial
      ? { text: '', live: built.live, blocks, groups, chapters: chaptersOf(groups, this.view), tail: null }
      : { ...built, groups, chapters: chaptersOf(groups, this.view) };
    for (const listener of this.listeners) listener();
    if (partial && !this.presenting) {
      this.presenting = true;
      nextFrame(() => {
        this.presenting = false;
        this.present();
      });
    }
  }

  private plan(text: string, live: boolean): Plan {
    const previous = this.split;
    this.split = splitBlocks(previous, text);
    const split = this.split;
    const restarted = split.generation !== previous.generation;
    const shown = this.built.blocks;
    const kept = restarted ? [] : shown.length <= split.blocks.length ? shown : shown.slice(0, split.blocks.length);
    const fresh: Block[] = split.blocks.slice(kept.length);
    const tail = tailOf(split);
    if (!live && tail.trim()) fresh.push({ text: tail, continuation: split.tailContinuation });

    const jobs: RenderJob[] = [];
    const want = (job: RenderJob) => jobs.push(job) - 1;
    const finished = fresh.map((block) => this.planFinished(block, want));
    const growing = live && tail.trim() ? this.planTail(split, tail, want) : null;

    return {
      jobs,
      build: (trees) => {
        const blocks = finished.length ? [...kept, ...finished.map((make) => make(trees))] : kept;
        return { text, live, blocks, tail: growing ? growing(trees) : null };
      },
    };
  }

  /** A block that is complete: rendered in full once (or shown plainly if too long to parse). */
  private planFinished(block: Block, want: (job: RenderJob) => number): (trees: readonly (Root | null)[]) => RenderedBlock {
    const { text, continuation } = block;
    if (text.length > MAX_PARSED_BLOCK_CHARS) {
      const fence = FENCE_LINE.exec(text);
      const content = fence ? this.planCode(fence[3]!.trim(), fenceBody(text, fence), new PieceCutter(), false, want) : null;
      const pieces = content ? null : new PieceCutter().cut(text.replace(/\n+$/, ''));
      return (trees) => ({ text, continuation, content: content ? content(trees) : { kind: 'plain', pieces: pieces!, table: false } });
    }
    const built = staticCache.get(text);
    if (built) return () => ({ text, continuation, content: cloned(built) });
    const cached = blockCache.get(text);
    if (cached) return () => ({ text, continuation, content: { kind: 'markdown', tree: cached } });
    const at = want({ kind: 'markdown', text, mode: 'final' });
    return (trees) => {
      const tree = trees[at];
      if (!tree) return { text, continuation, content: { kind: 'plain', pieces: new PieceCutter().cut(text.replace(/\n+$/, '')), table: false } };
      const content = staticContentOf(tree);
      if (content) {
        staticCache.set(text, content);
        return { text, continuation, content };
      }
      blockCache.set(text, tree);
      return { text, continuation, content: { kind: 'markdown', tree } };
    };
  }

  /** The growing block, rendered on every update: cheaply, and bounded in size. */
  private planTail(split: SplitState, tail: string, want: (job: RenderJob) => number): (trees: readonly (Root | null)[]) => RenderedBlock {
    const continuation = split.tailContinuation;
    const fence = openFenceOfTail(split);
    if (fence) {
      const opener = FENCE_LINE.exec(tail);
      const body = opener ? fenceBody(tail, opener) : '';
      const content = this.planCode(fence.info.split(/\s/, 1)[0] ?? '', body, this.tailCutter(split), true, want);
      return (trees) => ({ text: tail, continuation, content: content(trees) });
    }
    if (TABLE_START.test(tail) || tail.length > MAX_PARSED_BLOCK_CHARS) {
      const pieces = this.tailCutter(split).cut(tail.replace(/\n+$/, ''));
      return () => ({ text: tail, continuation, content: { kind: 'plain', pieces, table: TABLE_START.test(tail) } });
    }
    const at = want({ kind: 'markdown', text: tail, mode: 'live' });
    return (trees) => {
      const tree = trees[at];
      return tree
        ? { text: tail, continuation, content: { kind: 'markdown', tree } }
        : { text: tail, continuation, content: { kind: 'plain', pieces: [tail], table: false } };
    };
  }

  /** Code as pieces, each highlighted once (the last one, still growing, on every update). */
  private planCode(language: string, body: string, cutter: PieceCutter, growing: boolean, want: (job: RenderJob) => number) {
    const texts = cutter.cut(body);
    const highlight = language !== '' && body.length <= MAX_HIGHLIGHT_CHARS;
    const slots = texts.map((code, i) => {
      if (!highlight) return { code, cached: null as Root | null, at: -1, keep: false };
      const last = growing && i === texts.length - 1;
      const cached = last ? undefined : pieceCache.get(pieceKey(language, code));
      if (cached !== undefined) return { code, cached, at: -1, keep: false };
      return { code, cached: null, at: want({ kind: 'code', code, language }), keep: !last };
    });
    return (trees: readonly (Root | null)[]): BlockContent => ({
      kind: 'code',
      language,
      pieces: slots.map(({ code, cached, at, keep }) => {
        if (at < 0) return { text: code, tree: cached };
        const tree = trees[at] ?? null;
        if (keep) pieceCache.set(pieceKey(language, code), tree);
        return { text: code, tree };
      }),
    });
  }

  private tailCutter(split: SplitState): PieceCutter {
    const t = this.tailPieces;
    if (t && t.start === split.tailStart && t.generation === split.generation) return t.cutter;
    this.tailPieces = { start: split.tailStart, generation: split.generation, cutter: new PieceCutter() };
    return this.tailPieces.cutter;
  }
}

/** A fence's code: the lines after its opening line, without the closing fence. */
function fenceBody(text: string, opener: RegExpExecArray): string {
  let body = text.slice(opener[0].length);
  const close = new RegExp(`(^|\\n) {0,3}${opener[2]![0] === '`' ? '`' : '~'}{${opener[2]!.length},}[ \\t]*\\n*$`);
  body = body.replace(close, '');
  return body.replace(/\n$/, '');
}
