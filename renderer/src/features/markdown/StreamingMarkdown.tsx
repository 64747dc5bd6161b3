import { memo, useState } from 'react';
import { IncrementalBlocks } from './block-groups';
import { CodeBlock } from './CodeBlock';
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

const FENCE_START = /^ {0,3}(`{3,}|~{3,})([^\n]*)(?:\n|$)/;
const TABLE_START = /^ {0,3}\|/;

/**
 * The growing tail, cheaply where Markdown parsing would be the expensive part on every update:
 * an open code fence is shown as its code block (unhighlighted) straight from the text, a table
 * still arriving as its plain source. Once the block completes it goes through the real renderer.
 */
function Tail({ text, live, inFence }: { text: string; live: boolean; inFence: boolean }) {
  if (live) {
    const fence = inFence ? text.match(FENCE_START) : null;
    if (fence) {
      const info = fence[2]!.trim();
      // A backtick fence's info string can't contain backticks (that line is inline code instead).
      if (!(fence[1]![0] === '`' && info.includes('`'))) {
        const language = info.split(/\s/, 1)[0] ?? '';
        return <CodeBlock language={language} code={text.slice(fence[0].length).replace(/\n$/, '')} highlight={false} />;
      }
    }
    if (TABLE_START.test(text)) return <pre className="md-plain-tail">{text.replace(/\n+$/, '')}</pre>;
  }
  return <Markdown content={text} live={live} />;
}

/**
 * Markdown for an answer that is still arriving: finished blocks are parsed once and kept, only
 * the growing last block is parsed again on each update. While `live`, ends with a blinking caret,
 * and the growing block shows code unhighlighted and math as source until it is complete.
 * An answer that finishes keeps this layout, so the end of a long stream doesn't re-parse it all.
 */
export function StreamingMarkdown({ content, live = true }: { content: string; live?: boolean }) {
  // A per-instance cache; updating it during render is safe because it is a pure function of `content`.
  const [blocks] = useState(() => new IncrementalBlocks());
  const { groups, tail, tailInFence } = blocks.update(content);

  return (
    <div className={live ? 'markdown md-streaming' : 'markdown'}>
      {groups.map((group, i) => (
        <BlockGroup key={i} blocks={group} />
      ))}
      {tail.trim() ? (
        <div className="md-block md-tail">
          <Tail text={tail} live={live} inFence={tailInFence} />
        </div>
      ) : (
        live && <span className="caret caret-solo" aria-hidden />
      )}
    </div>
  );
}
