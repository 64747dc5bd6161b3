/**
 * Where files dropped on the window go. Two features listen for drops on the whole window — import
 * (Settings › Data) and attachments (the composer) — and both ask this one function, so a drop is
 * taken by exactly one of them:
 * - on the composer: always attached (a JSON file can be something to ask about);
 * - while a dialog is open (Settings): imported — the chat is not what the user is looking at;
 * - elsewhere: imported when every file looks like an export (.json or .zip), otherwise attached.
 * While dragging, browsers show the files' MIME types but not their names, so `name` may be absent.
 */
export type DropDestination = 'import' | 'attach';

export interface DroppedKind {
  name?: string;
  type: string;
}

const EXPORT_NAME = /\.(json|zip)$/i;
const EXPORT_TYPE = /^application\/(json|zip|x-zip-compressed)$/i;

const looksLikeExport = (f: DroppedKind): boolean => (f.name ? EXPORT_NAME.test(f.name) : EXPORT_TYPE.test(f.type));

export function dropDestination(files: readonly DroppedKind[], where: { onComposer: boolean; inDialog: boolean }): DropDestination {
  if (where.onComposer) return 'attach';
  if (where.inDialog) return 'import';
  return files.length > 0 && files.every(looksLikeExport) ? 'import' : 'attach';
}

/** The same decision for a live drag or drop event in the page. */
export function destinationOf(e: DragEvent): DropDestination {
  const target = e.target instanceof Element ? e.target : null;
  const files: DroppedKind[] =
    e.dataTransfer && e.dataTransfer.files.length > 0
      ? [...e.dataTransfer.files].map((f) => ({ name: f.name, type: f.type }))
      : [...(e.dataTransfer?.items ?? [])].filter((i) => i.kind === 'file').map((i) => ({ type: i.type }));
  return dropDestination(files, { onComposer: !!target?.closest('.composer'), inDialog: !!document.querySelector('[aria-modal="true"]') });
}
