import { memo, useState } from 'react';
import { IncrementalBlocks } from './block-groups';
import { Markdown } from './Markdown';

const BlockGroup = memo(function BlockGroup({ blocks }: { blocks: readonly string[] }) {
  return (
    <div className="md-group">
      {blocks.map((block, i) => (
        <div className="md-block" key={i}>
          <Markdown content={block} />
        </div>
      ))}
    </div>
  );
});

/**
 * Markdown for an answer that is still arriving: finished blocks are parsed once and kept, only
 * the growing last block is parsed again on each update. While `live`, ends with a blinking caret,
 * and the growing block shows code unhighlighted and math as source until it is complete.
 * An answer that finishes keeps this layout, so the end of a long stream doesn't re-parse it all.
 */
export function StreamingMarkdown({ content, live = true }: { content: string; live?: boolean }) {
  // A per-instance cache; updating it during render is safe because it is a pure function of `content`.
  const [blocks] = useState(() => new IncrementalBlocks());
  const { groups, tail } = blocks.update(content);

  return (
    <div className={live ? 'markdown md-streaming' : 'markdown'}>
      {groups.map((group, i) => (
        <BlockGroup key={i} blocks={group} />
      ))}
      {tail.trim() ? (
        <div className="md-block md-tail">
          <Markdown content={tail} live={live} />
        </div>
      ) : (
        live && <span className="caret caret-solo" aria-hidden />
      )}
    </div>
  );
}
