import { randomBytes } from 'node:crypto';

/**
 * The token of this launch. A stable one comes only from the user (flag or environment), never
 * from a file Ferry writes: the data folder is what gets backed up, copied and synced, and a token
 * kept there would travel with it. Without one, every launch gets a new random token.
 */
export function launchToken(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const chosen = flag ?? env.FERRY_WEB_TOKEN;
  if (chosen === undefined || chosen === '') return randomBytes(24).toString('base64url');
  if (!/^[A-Za-z0-9_-]{16,256}$/.test(chosen)) {
    throw new Error('--token / FERRY_WEB_TOKEN must be 16 to 256 characters of A-Z a-z 0-9 _ -');
  }
  return chosen;
}
