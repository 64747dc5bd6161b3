import MarkdownIt from 'markdown-it';

// html: raw HTML is recognised, so it can be dropped instead of shown as text. No linkify or
// typographer: the words stay exactly as typed, so matches stay where the index found them.
const parser = new MarkdownIt({ html: true });

/**
 * What a piece of a message reads as, for a search snippet: the text of its paragraphs, cells, list
 * items and code, without `**`, `|---|`, `#`, link targets or fences. markdown-it rather than the
 * renderer's micromark: a search shows up to 60 snippets, and micromark took 2–13 ms for each
 * (300–4,000 characters) where markdown-it takes 0.06–0.8 ms. Find-in-conversation keeps micromark
 * (`shared/plain-text.ts`): its counts must agree with what the renderer shows.
 */
export function snippetText(markdown: string): string {
  if (!/[*_`#|[\]<>~\\!-]/.test(markdown)) return markdown;
  const out: string[] = [];
  for (const token of parser.parse(markdown, {})) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') out.push(child.content);
        else if (child.type === 'image') out.push(child.content);
        else if (child.type === 'softbreak' || child.type === 'hardbreak') out.push(' ');
      }
    } else if (token.type === 'fence' || token.type === 'code_block') out.push(token.content, ' ');
    // The end of a block (paragraph, cell, item, heading…) separates its words from the next block's.
    else if (token.nesting === -1 || token.type === 'hr') out.push(' ');
  }
  return out.join('').replace(/\s+/gu, ' ').trim();
}
