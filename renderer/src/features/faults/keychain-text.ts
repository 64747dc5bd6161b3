import type { TFunction } from 'i18next';
import type { KeychainProblem, KeychainStatus } from '../../../../shared/schemas';

/** The localized title and "what to do" for a keychain problem (absent when a host predates problems). */
export function keychainProblemText(t: TFunction, problem: KeychainProblem | undefined): { title: string; hint: string } {
  const p = problem ?? 'absent';
  return { title: t(`faults.keychain.problem.${p}.title`), hint: t(`faults.keychain.problem.${p}.hint`) };
}

/** Problems worth a banner over the whole window: the keychain worked (or should) and does not now. */
export const bannerWorthy = (keychain: KeychainStatus | undefined): boolean =>
  !!keychain && (keychain.waiting === true || (!keychain.available && !!keychain.problem && keychain.problem !== 'absent'));
