/**
 * Splits streaming Markdown into top-level blocks so finished blocks can stay memoized and only
 * the growing tail is re-parsed. Incremental: appending text resumes from where the last scan
 * stopped instead of re-lexing the whole answer on every frame.
 *
 * A boundary is a blank line outside a code fence (or a `$$` / `\[` display-math block) followed by
 * an unindented line. Indented lines
 * after a blank belong to the previous block (list continuations, indented code), and list items
 * separated by blank lines stay together so ordered lists keep their numbering.
 */
export interface SplitState {
  text: string;
  /** Finished blocks; the array is only ever appended to while the text only grows. */
  blocks: string[];
  /** Start of the block still growing. */
  tailStart: number;
  /** Start of the first line not scanned yet (lines are scanned once they end with \n). */
  scanPos: number;
  fence: { char: string; len: number } | null;
  sawBlank: boolean;
  tailIsList: boolean;
  /** Changes when the text was replaced rather than extended, so caches built on `blocks` reset. */
  generation: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
/** Display math on lines of its own (`$$` … `$$`, `\[` … `\]`) may contain blank lines too. */
const MATH_OPEN = /^ {0,3}(\$\$|\\\[)\s*$/;
const MATH_CLOSE: Record<string, RegExp> = { $: /^\s*\$\$\s*$/, '\\': /^\s*\\\]\s*$/ };
const LIST_ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])(\s|$)/;

export function emptySplit(): SplitState {
  return { text: '', blocks: [], tailStart: 0, scanPos: 0, fence: null, sawBlank: false, tailIsList: false, generation: 0 };
}

export function splitBlocks(prev: SplitState, text: string): SplitState {
  // A text that isn't an extension (e.g. replaced after a refetch) starts over.
  const extends_ = text.length >= prev.text.length && text.startsWith(prev.text);
  const base = extends_ ? prev : { ...emptySplit(), generation: prev.generation + 1 };
  const state: SplitState = { ...base, text };
  let blocks = base.blocks;
  let pos = state.scanPos;
  if (pos === 0 && state.tailStart === 0 && blocks.length === 0) state.tailIsList = LIST_ITEM.test(text);

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
      if (state.sawBlank && !indented && !(isList && state.tailIsList) && pos > state.tailStart) {
        if (blocks === base.blocks) blocks = [...blocks];
        blocks.push(text.slice(state.tailStart, pos));
        state.tailStart = pos;
        state.tailIsList = isList;
      }
      state.sawBlank = false;
      const open = line.match(FENCE_OPEN);
      // A backtick fence's info string can't contain backticks; such a line is inline code instead.
      if (open?.[1] && !(open[1][0] === '`' && line.slice(open.index! + open[1].length).includes('`'))) {
        state.fence = { char: open[1][0]!, len: open[1].length };
      } else {
        const math = line.match(MATH_OPEN);
        if (math?.[1]) state.fence = { char: math[1][0]!, len: 2 };
      }
    }
    pos = nl + 1;
  }
  // The unfinished last line can already close the previous block: its first character says
  // whether it is indented, and a list marker shows up in its first few characters.
  const partial = text.slice(pos);
  if (!state.fence && state.sawBlank && /^\S/.test(partial) && pos > state.tailStart) {
    const isList = LIST_ITEM.test(partial);
    if (!(isList && state.tailIsList)) {
      if (blocks === base.blocks) blocks = [...blocks];
      blocks.push(text.slice(state.tailStart, pos));
      state.tailStart = pos;
      state.tailIsList = isList;
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
