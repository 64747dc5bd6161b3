import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * Which Settings forms hold changes not yet saved. Every section saves explicitly (one behaviour
 * everywhere); leaving a section or closing Settings with unsaved changes asks first.
 */
export const useUnsavedStore = create<{ dirty: Record<string, boolean> }>()(() => ({ dirty: {} }));

/** A form reports whether it differs from what is saved; unmounting clears its flag. */
export function useReportUnsaved(key: string, dirty: boolean): void {
  useEffect(() => {
    useUnsavedStore.setState((s) => ({ dirty: { ...s.dirty, [key]: dirty } }));
    return () =>
      useUnsavedStore.setState((s) => {
        const next = { ...s.dirty };
        delete next[key];
        return { dirty: next };
      });
  }, [key, dirty]);
}

export const hasUnsavedChanges = (): boolean => Object.values(useUnsavedStore.getState().dirty).some(Boolean);
