import type { Root } from 'hast';
import type { RenderMode } from './pipeline';

/** One piece of work for the Markdown worker (or its main-thread stand-in). */
export type RenderJob =
  | { kind: 'markdown'; text: string; mode: RenderMode }
  /** highlight.js tokens for code; null when the language is unknown. */
  | { kind: 'code'; code: string; language: string };

export interface RenderRequest {
  id: number;
  jobs: RenderJob[];
}

export interface RenderReply {
  id: number;
  trees: (Root | null)[];
}
