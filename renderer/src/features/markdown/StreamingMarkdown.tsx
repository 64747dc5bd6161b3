import { memo, useCallback, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import 'katex/dist/katex.min.css';
import { CodeBlock } from './CodeBlock';
import { markdownComponents, tailComponents } from './components';
import { HastView } from './HastView';
import { mainThreadBackend, mainThreadHighlights, renderBackend } from './render-backend';
import { StreamRenderer, type RenderedBlock } from './stream-renderer';

/** One block's content: rendered hast, code in pieces, or plain text. */
const BlockBody = memo(function BlockBody({ block, growing = false }: { block: RenderedBlock; growing?: boolean }) {
  const { content } = block;
  // Finished blocks only are built as DOM, and BlockGroup shows those (StaticBlock); the tail never is.
  if (content.kind === 'static') return null;
  if (content.kind === 'markdown') return <HastView tree={content.tree} components={growing ? tailComponents : markdownComponents} />;
  if (content.kind === 'static-code') return <CodeBlock language={content.language} code={content.code} nodes={content.nodes} />;
  if (content.kind === 'code') return <CodeBlock language={content.language} code="" pieces={content.pieces} />;
  if (content.table) return <pre className="md-plain-tail">{content.pieces.map((p, i) => <PlainPiece key={i} text={p} />)}</pre>;
  return <div className="md-plain">{content.pieces.map((p, i) => <PlainPiece key={i} text={p} />)}</div>;
});

const PlainPiece = memo(function PlainPiece({ text }: { text: string }) {
  return <span>{text}</span>;
});

const blockClass = (block: RenderedBlock, extra = '') => `md-block${block.continuation ? ' md-cont' : ''}${extra}`;

/**
 * A block built as DOM (static-dom.ts): React owns the box, the nodes are put in once. A remount of
 * the same view moves them into the new box.
 */
const StaticBlock = memo(function StaticBlock({ block, nodes }: { block: RenderedBlock; nodes: readonly Node[] }) {
  const place = useCallback((box: HTMLDivElement | null) => box?.replaceChildren(...nodes), [nodes]);
  return <div className={blockClass(block)} ref={place} />;
});

const BlockGroup = memo(function BlockGroup({ blocks }: { blocks: readonly RenderedBlock[] }) {
  return (
    <div className="md-group">
      {blocks.map((block, i) =>
        block.content.kind === 'static' ? (
          <StaticBlock key={i} block={block} nodes={block.content.nodes} />
        ) : (
          <div className={blockClass(block)} key={i}>
            <BlockBody block={block} />
          </div>
        ),
      )}
    </div>
  );
});

/** Groups in a box of their own: a chapter the answer has moved past is skipped by React and, off screen, by the browser. */
const BlockChapter = memo(function BlockChapter({ groups }: { groups: readonly (readonly RenderedBlock[])[] }) {
  return (
    <div className="md-chapter">
      {groups.map((group, i) => (
        <BlockGroup key={i} blocks={group} />
      ))}
    </div>
  );
});

/** Text that keeps changing, read when it says so (the streaming answer in the store). */
export interface TextSource {
  get(): string;
  /** Calls back after the text changed; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

/**
 * Markdown for an answer that is still arriving. Parsing and highlighting happen in the Markdown
 * worker (stream-renderer.ts decides what to send); this component only commits what comes back:
 * finished blocks once each, in groups the browser can skip while off screen, and the growing
 * tail on every update. While `live`, ends with a caret; the growing block shows math as
 * its source until it is complete. An answer that finishes keeps this layout, so the end of a long
 * stream renders only its last block again.
 *
 * `data-md-pending` is set once the answer has finished until its final render is on screen (not
 * while it streams: an attribute changing on every update would cost a style pass each time).
 *
 * With `source`, the text is read from it as it changes, without a React render per update; `content`
 * is then what the source held when the parent last rendered.
 */
export function StreamingMarkdown({ content, live = true, source }: { content: string; live?: boolean; source?: TextSource | undefined }) {
  // Mounting over text that is already there (reopening a chat, a row scrolled back in): the first
  // view is made at once on the main thread, so the answer doesn't show up empty — if highlight.js
  // is loaded there; otherwise code would show plain first, so the worker does it.
  const [renderer] = useState(() => new StreamRenderer(renderBackend(), () => (mainThreadHighlights() ? mainThreadBackend : undefined)));
  useLayoutEffect(() => {
    renderer.update(source ? source.get() : content, live);
    return source?.subscribe(() => renderer.update(source.get(), live));
  }, [renderer, content, live, source]);
  const view = useSyncExternalStore(renderer.subscribe, renderer.getView);
  const pending = !live && (view.live || view.text !== (source ? source.get() : content));

  return (
    <div className={live ? 'markdown md-streaming' : 'markdown'} data-md-pending={pending ? '' : undefined}>
      {view.chapters.map((chapter, i) => (
        <BlockChapter key={i} groups={chapter} />
      ))}
      {view.tail ? (
        <div className={blockClass(view.tail, ' md-tail')}>
          <BlockBody block={view.tail} growing />
        </div>
      ) : (
        live && <span className="caret" aria-hidden />
      )}
    </div>
  );
}
