import { extendsText } from './extends-text';
import { SOFT_BLOCK_CHARS } from './limits';

/**
 * Splits streaming Markdown into top-level blocks so finished blocks can stay memoized and only
 * the growing tail is rendered again. Incremental: appending text resumes from where the last scan
 * stopped instead of re-lexing the whole answer on every frame.
 *
 * Boundaries, in order of preference:
 * - a blank line outside a code fence (or a `$$` / `\[` display-math block) followed by an
 *   unindented line. Indented lines after a blank belong to the previous block (list continuations,
 *   indented code), and list items separated by blank lines stay together so lists keep their numbering;
 * - an unindented line that starts a fence, display math or an ATX heading: these end a paragraph
 *   or list anyway, so the split changes nothing in the rendering;
 * - past SOFT_BLOCK_CHARS, any unindented line where a split is harmless (not a setext underline,
 *   not part of a table, not a lazy continuation of a list): an answer without blank lines would
 *   otherwise be one block that grows without end. Such a block is a `continuation` of the one
 *   before: it is shown without the gap between blocks (a paragraph continues on the next line,
 *   a list goes on, an ordered list keeps its numbers through the `start` attribute).
 */
export interface Block {
  text: string;
  /** Split off the block before it without a blank line: shown without a gap. */
  continuation: boolean;
}

export interface Fence {
  char: string;
  len: number;
  /** Where its opening line starts, and that line's info string (code fences only). */
  start: number;
  info: string;
  indent: number;
}

export interface SplitState {
  text: string;
  /** Finished blocks; the array is only ever appended to while the text only grows. */
  blocks: Block[];
  /** Start of the block still growing. */
  tailStart: number;
  tailContinuation: boolean;
  /** Start of the first line not scanned yet (lines are scanned once they end with \n). */
  scanPos: number;
  fence: Fence | null;
  sawBlank: boolean;
  tailIsList: boolean;
  /** The last complete line had a `|` (a table may be going on). */
  lastLineHadPipe: boolean;
  /** Changes when the text was replaced rather than extended, so caches built on `blocks` reset. */
  generation: number;
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
/** Display math on lines of its own (`$$` … `$$`, `\[` … `\]`) may contain blank lines too. */
const MATH_OPEN = /^ {0,3}(\$\$|\\\[)\s*$/;
const MATH_CLOSE: Record<string, RegExp> = { $: /^\s*\$\$\s*$/, '\\': /^\s*\\\]\s*$/ };
const LIST_ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])(\s|$)/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
/** Setext underlines and thematic breaks: what they mean depends on the line before. */
const UNDERLINE = /^ {0,3}(=+|-+|\*+|_+)[ \t]*$/;

export function emptySplit(): SplitState {
  return {
    text: '',
    blocks: [],
    tailStart: 0,
    tailContinuation: false,
    scanPos: 0,
    fence: null,
    sawBlank: false,
    tailIsList: false,
    lastLineHadPipe: false,
    generation: 0,
  };
}

/** A fence opener, or null (a backtick fence's info string can't contain backticks: that's inline code). */
function fenceOpen(line: string, start: number): Fence | null {
  const open = FENCE_OPEN.exec(line);
  if (!open?.[2]) return null;
  const info = open[3] ?? '';
  if (open[2][0] === '`' && info.includes('`')) return null;
  return { char: open[2][0]!, len: open[2].length, start, info: info.trim(), indent: open[1]!.length };
}

export function splitBlocks(prev: SplitState, text: string): SplitState {
  // A text that isn't an extension (e.g. replaced after a refetch) starts over.
  const extends_ = extendsText(prev.text, text);
  const base = extends_ ? prev : { ...emptySplit(), generation: prev.generation + 1 };
  const state: SplitState = { ...base, text };
  let blocks = base.blocks;
  let pos = state.scanPos;
  if (pos === 0 && state.tailStart === 0 && blocks.length === 0) state.tailIsList = LIST_ITEM.test(text);

  const cut = (at: number, continuation: boolean, isList: boolean) => {
    if (blocks === base.blocks) blocks = [...blocks];
    blocks.push({ text: text.slice(state.tailStart, at), continuation: state.tailContinuation });
    state.tailStart = at;
    state.tailContinuation = continuation;
    state.tailIsList = isList;
  };

  for (let nl = text.indexOf('\n', pos); nl !== -1; nl = text.indexOf('\n', pos)) {
    const line = text.slice(pos, nl);
    if (state.fence && MATH_CLOSE[state.fence.char]) {
      if (MATH_CLOSE[state.fence.char]!.test(line)) state.fence = null;
    } else if (state.fence) {
      const close = line.match(/^ {0,3}(`{3,}|~{3,})\s*$/);
      if (close?.[1] && close[1][0] === state.fence.char && close[1].length >= state.fence.len) state.fence = null;
    } else if (line.trim() === '') {
      state.sawBlank = true;
    } else {
      const isList = LIST_ITEM.test(line);
      const indented = /^\s/.test(line);
      const fence = fenceOpen(line, pos);
      const math = fence ? null : MATH_OPEN.exec(line);
      const hasPipe = line.includes('|');
      if (!indented && pos > state.tailStart) {
        if (state.sawBlank) {
          if (!(isList && state.tailIsList)) cut(pos, false, isList);
        } else if (fence || math || HEADING.test(line)) {
          cut(pos, false, isList);
        } else if (
          pos - state.tailStart > SOFT_BLOCK_CHARS &&
          !UNDERLINE.test(line) &&
          !hasPipe &&
          !state.lastLineHadPipe &&
          (isList || !state.tailIsList)
        ) {
          cut(pos, true, isList);
        }
      }
      state.sawBlank = false;
      state.lastLineHadPipe = hasPipe;
      if (fence) state.fence = fence;
      else if (math?.[1]) state.fence = { char: math[1][0]!, len: 2, start: pos, info: '', indent: 0 };
    }
    pos = nl + 1;
  }
  // The unfinished last line can already close the previous block: its first character says
  // whether it is indented, and a list marker shows up in its first few characters.
  const partial = text.slice(pos);
  if (!state.fence && state.sawBlank && /^\S/.test(partial) && pos > state.tailStart) {
    const isList = LIST_ITEM.test(partial);
    if (!(isList && state.tailIsList)) {
      cut(pos, false, isList);
      state.sawBlank = false;
    }
  }
  state.scanPos = pos;
  state.blocks = blocks;
  return state;
}

export function tailOf(state: SplitState): string {
  return state.text.slice(state.tailStart);
}

/** The code fence the tail opens with and is still inside of, if any (not display math). */
export function openFenceOfTail(state: SplitState): Fence | null {
  const fence = state.fence;
  if (!fence || fence.char === '$' || fence.char === '\\' || fence.start !== state.tailStart) return null;
  return fence;
}
