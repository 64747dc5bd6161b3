import type { SyncView } from '../../../../shared/schemas';

/** What the Sync form holds; the password and passphrase only until Save sends them once. */
export interface SyncDraft {
  enabled: boolean;
  url: string;
  username: string;
  password: string;
  passphrase: string;
  folder: string;
  interval: string;
}

export const draftOf = (view: SyncView): SyncDraft => ({
  enabled: view.settings.enabled,
  url: view.settings.url,
  username: view.settings.username,
  password: '',
  passphrase: '',
  folder: view.settings.folder,
  interval: String(view.settings.intervalMinutes),
});

export function isDirty(draft: SyncDraft, view: SyncView): boolean {
  const saved = draftOf(view);
  return (
    draft.enabled !== saved.enabled ||
    draft.url.trim() !== saved.url ||
    draft.username !== saved.username ||
    draft.folder.trim() !== saved.folder ||
    draft.interval.trim() !== saved.interval ||
    draft.password !== '' ||
    draft.passphrase !== ''
  );
}

export type SyncProblem = 'urlInvalid' | 'intervalInvalid' | 'passphraseShort' | 'needUrl' | 'needPassphrase';

const isWebAddress = (text: string) => {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
};

/** Why Save would be refused, as the key of the sentence that says so; null when it can go. */
export function problemOf(draft: SyncDraft, view: SyncView): SyncProblem | null {
  const url = draft.url.trim();
  if (url && !isWebAddress(url)) return 'urlInvalid';
  const minutes = Number(draft.interval.trim());
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) return 'intervalInvalid';
  if (draft.passphrase && draft.passphrase.length < 8) return 'passphraseShort';
  if (draft.enabled && !url) return 'needUrl';
  if (draft.enabled && !draft.passphrase && !view.passphraseSet) return 'needPassphrase';
  return null;
}

/** The sync.save input: every setting, and a secret only when one was typed. */
export function patchOf(draft: SyncDraft) {
  return {
    enabled: draft.enabled,
    url: draft.url.trim(),
    username: draft.username,
    folder: draft.folder.trim() || 'Ferry',
    intervalMinutes: Number(draft.interval.trim()),
    ...(draft.password ? { password: draft.password } : {}),
    ...(draft.passphrase ? { passphrase: draft.passphrase } : {}),
  };
}
