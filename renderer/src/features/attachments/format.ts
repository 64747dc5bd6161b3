import type { TFunction } from 'i18next';
import { ATTACHMENT_LIMITS } from '../../../../shared/schemas';
import type { DraftProblem } from './upload';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The localized sentence for a refused file. */
export function problemText(t: TFunction, problem: DraftProblem | undefined, name: string): string {
  const limit = problem === 'too_many' ? String(ATTACHMENT_LIMITS.maxPerMessage) : formatBytes(ATTACHMENT_LIMITS.maxFileBytes);
  if (!problem || problem === 'other') return t('rich.attach.failed', { name });
  return t(`rich.attach.problem.${problem}`, { name, limit });
}
