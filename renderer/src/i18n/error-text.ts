import type { TFunction } from 'i18next';
import { KeychainProblem, type UpstreamErrorCode } from '../../../shared/schemas';
import type { ApiErrorCode } from '../api/errors';
import { toApiError } from '../api/errors';

export interface ErrorText {
  title: string;
  hint: string;
}

/** Localized title and fix hint for an upstream failure stored on a message. */
export function upstreamErrorText(t: TFunction, code: UpstreamErrorCode): ErrorText {
  return {
    title: t(`errors.upstream.${code}.title`),
    hint: t(`errors.upstream.${code}.hint`),
  };
}

/** Localized title and hint for a failed request to main; unknown codes fall back to "internal". */
export function appErrorText(t: TFunction, err: unknown): ErrorText {
  const error = toApiError(err);
  const code: ApiErrorCode = error.code;
  // A key that could not be read: say what is wrong with the keychain and what to do, not "no keychain".
  const problem = KeychainProblem.safeParse(error.details?.problem);
  if (code === 'keychain_unavailable' && problem.success && problem.data !== 'absent') {
    return { title: t(`faults.keychain.problem.${problem.data}.title`), hint: t(`faults.keychain.problem.${problem.data}.hint`) };
  }
  return {
    title: t(`errors.app.${code}.title`, { defaultValue: t('errors.app.internal.title') }),
    hint: t(`errors.app.${code}.hint`, { defaultValue: t('errors.app.internal.hint') }),
  };
}
