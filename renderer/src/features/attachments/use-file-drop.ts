import { useEffect, useState } from 'react';
import { destinationOf } from '../data/drop-destination';
import { useDraftStore } from './draft-store';

const carriesFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

/**
 * Files dropped on the window go to the composer unless they are an export to import (see
 * data/drop-destination.ts); while they hover, `dragging` is true (an
 * overlay says "drop to attach"). Without this the browser would open a dropped PDF in place of Ferry.
 */
export function useFileDrop(enabled: boolean): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth += 1;
      setDragging(destinationOf(e) === 'attach');
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      // An export (or anything dropped on Settings) is the import's.
      if (files.length && destinationOf(e) === 'attach') useDraftStore.getState().add(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [enabled]);
  return dragging;
}

/** Files pasted into the composer (a screenshot from the clipboard); true when any were taken. */
export function takePastedFiles(data: DataTransfer | null): boolean {
  const files = [...(data?.files ?? [])];
  if (files.length === 0) return false;
  // A pasted screenshot is often called "image.png": give it a name that says when it was taken.
  const named = files.map((f) =>
    f.name && f.name !== 'image.png' ? f : new File([f], `screenshot-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${(f.type.split('/')[1] ?? 'png').replace('jpeg', 'jpg')}`, { type: f.type }),
  );
  useDraftStore.getState().add(named);
  return true;
}
