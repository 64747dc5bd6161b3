import yaml from 'js-yaml';
import type { GithubRepo } from '../../services/updates/feed';

/**
 * The GitHub repository a packaged app updates from, read from the `app-update.yml` electron-builder
 * writes into its resources. Null for builds not made by the release workflow (placeholder owner).
 */
export function githubRepoFromAppUpdateYml(text: string): GithubRepo | null {
  let doc: unknown;
  try {
    doc = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch {
    return null;
  }
  const { provider, owner, repo } = (doc ?? {}) as Record<string, unknown>;
  if (provider !== 'github' || typeof owner !== 'string' || typeof repo !== 'string') return null;
  if (!/^[A-Za-z0-9-]{1,39}$/.test(owner) || owner === 'OWNER' || !/^[A-Za-z0-9._-]{1,100}$/.test(repo)) return null;
  return { owner, repo };
}
