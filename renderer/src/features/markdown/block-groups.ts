import { emptySplit, splitBlocks, tailOf, type SplitState } from './split-blocks';

/** Groups of finished blocks the browser may skip laying out while they are off screen. */
export const GROUP_SIZE = 16;

export interface StreamingView {
  /** Finished blocks in groups; a full group keeps its array identity for as long as the text grows. */
  groups: readonly (readonly string[])[];
  tail: string;
  /** The tail is a fenced code block whose closing fence hasn't arrived yet. */
  tailInFence: boolean;
}

/**
 * Remembers the previous split of a streaming answer so each update only scans the new text
 * and returns the same group arrays for blocks that didn't change (memoized renders skip them).
 */
export class IncrementalBlocks {
  private split: SplitState = emptySplit();
  private source: string[] | null = null;
  private generation = 0;
  private groups: string[][] = [];

  update(text: string): StreamingView {
    this.split = splitBlocks(this.split, text);
    const { blocks, generation } = this.split;
    if (this.source !== blocks) {
      const kept = this.generation === generation ? this.groups.filter((g) => g.length === GROUP_SIZE) : [];
      for (let i = kept.length * GROUP_SIZE; i < blocks.length; i += GROUP_SIZE) kept.push(blocks.slice(i, i + GROUP_SIZE));
      this.groups = kept;
      this.source = blocks;
      this.generation = generation;
    }
    const fence = this.split.fence;
    return { groups: this.groups, tail: tailOf(this.split), tailInFence: fence !== null && (fence.char === '`' || fence.char === '~') };
  }
}
