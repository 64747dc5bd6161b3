import { create } from 'zustand';
import { ATTACHMENT_LIMITS, type AttachmentRef } from '../../../../shared/schemas';
import { UploadError, uploadFile, type DraftProblem } from './upload';

export interface DraftItem {
  key: string;
  name: string;
  status: 'adding' | 'ready' | 'failed';
  ref?: AttachmentRef;
  problem?: DraftProblem;
}

interface DraftState {
  items: DraftItem[];
  add(files: readonly File[]): void;
  remove(key: string): void;
  clear(): void;
}

let nextKey = 1;

/**
 * The files waiting in the composer. A store, not composer state: a drop anywhere on the window
 * and a paste into the box both land here.
 */
export const useDraftStore = create<DraftState>()((set, get) => {
  const patch = (key: string, change: Partial<DraftItem>) =>
    set((s) => ({ items: s.items.map((item) => (item.key === key ? { ...item, ...change } : item)) }));
  return {
    items: [],
    add(files) {
      const room = ATTACHMENT_LIMITS.maxPerMessage - get().items.filter((i) => i.status !== 'failed').length;
      const added = files.map((file, i): DraftItem & { file: File } => ({
        key: `draft-${nextKey++}`,
        name: file.name || 'file',
        status: i < room ? 'adding' : 'failed',
        ...(i < room ? {} : { problem: 'too_many' as const }),
        file,
      }));
      set((s) => ({ items: [...s.items, ...added.map(({ file: _file, ...item }) => item)] }));
      for (const item of added) {
        if (item.status !== 'adding') continue;
        uploadFile(item.file).then(
          (ref) => patch(item.key, { status: 'ready', ref }),
          (error: unknown) => patch(item.key, { status: 'failed', problem: error instanceof UploadError ? error.problem : 'other' }),
        );
      }
    },
    remove: (key) => set((s) => ({ items: s.items.filter((item) => item.key !== key) })),
    clear: () => set({ items: [] }),
  };
});

export const selectReadyRefs = (s: Pick<DraftState, 'items'>): AttachmentRef[] =>
  s.items.flatMap((item) => (item.status === 'ready' && item.ref ? [item.ref] : []));
export const selectBusy = (s: Pick<DraftState, 'items'>): boolean => s.items.some((item) => item.status === 'adding');
