import yaml from 'js-yaml';
import semver from 'semver';

/** What Ferry needs from a latest*.yml. */
export interface ReleaseInfo {
  version: string;
  releaseDate?: string;
  releaseNotes?: string;
  files: { url: string; sha512: string; size?: number }[];
}

export type ParsedRelease = { ok: true; info: ReleaseInfo } | { ok: false; reason: string };

/**
 * Reads a release description as electron-builder writes it. Anything else — an HTML error page a
 * mirror serves with 200, truncated YAML, a file without version or checksums — is refused with why.
 */
export function parseReleaseInfo(text: string): ParsedRelease {
  if (/^\s*</.test(text)) return { ok: false, reason: 'the feed sent a web page, not a release description' };
  let doc: unknown;
  try {
    doc = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (error) {
    return { ok: false, reason: `the release description is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  if (!doc || typeof doc !== 'object') return { ok: false, reason: 'the release description is empty' };
  const record = doc as Record<string, unknown>;
  const version = typeof record.version === 'string' ? semver.valid(record.version) : null;
  if (!version) return { ok: false, reason: `the release description has no valid version (${JSON.stringify(record.version)?.slice(0, 50)})` };
  const files = Array.isArray(record.files)
    ? record.files.flatMap((f: unknown) => {
        const file = f as Record<string, unknown> | null;
        return file && typeof file.url === 'string' && typeof file.sha512 === 'string' && file.sha512.length > 0
          ? [{ url: file.url, sha512: file.sha512, ...(typeof file.size === 'number' ? { size: file.size } : {}) }]
          : [];
      })
    : [];
  if (files.length === 0) return { ok: false, reason: 'the release description lists no installer with a checksum' };
  const notes = typeof record.releaseNotes === 'string' ? record.releaseNotes : undefined;
  const date = typeof record.releaseDate === 'string' ? record.releaseDate : undefined;
  return { ok: true, info: { version, files, ...(notes ? { releaseNotes: notes.slice(0, 20_000) } : {}), ...(date ? { releaseDate: date } : {}) } };
}

/**
 * Whether `latest` is an update for `current`: strictly newer, never a downgrade, and a pre-release
 * only for someone already running a pre-release.
 */
export function isUpdate(current: string, latest: string): boolean {
  const from = semver.valid(current);
  const to = semver.valid(latest);
  if (!from || !to) return false;
  if (semver.prerelease(to) && !semver.prerelease(from)) return false;
  return semver.gt(to, from);
}
