/**
 * Merges the macOS update feeds of the arm64 and x64 builds (each runner writes its own
 * latest-mac.yml) into the one electron-updater reads: one version, both CPUs' files. electron-updater
 * picks the file of the running CPU from `files`.
 *   tsx build/scripts/merge-update-feeds.ts <out.yml> <in.yml> <in.yml> [...]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';

interface FeedFile {
  url: string;
  sha512: string;
  size?: number;
  [key: string]: unknown;
}
interface Feed {
  version: string;
  files: FeedFile[];
  path?: string;
  sha512?: string;
  releaseDate?: string;
  [key: string]: unknown;
}

function parseFeed(text: string, name: string): Feed {
  const feed = yaml.load(text) as Partial<Feed> | null;
  if (!feed || typeof feed.version !== 'string' || !Array.isArray(feed.files) || feed.files.length === 0) {
    throw new Error(`${name} is not an update feed (no version or files)`);
  }
  return feed as Feed;
}

export function mergeUpdateFeeds(feeds: { name: string; text: string }[]): string {
  const parsed = feeds.map(({ name, text }) => parseFeed(text, name));
  const versions = new Set(parsed.map((f) => f.version));
  if (versions.size !== 1) throw new Error(`the feeds are for different versions: ${[...versions].join(', ')}`);
  const files = new Map<string, FeedFile>();
  for (const feed of parsed) for (const file of feed.files) files.set(file.url, file);
  const [first] = parsed;
  const latestDate = parsed.map((f) => f.releaseDate ?? '').sort().at(-1);
  return yaml.dump({ ...first, files: [...files.values()], ...(latestDate ? { releaseDate: latestDate } : {}) }, { lineWidth: -1 });
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const [out, ...inputs] = process.argv.slice(2);
  if (!out || inputs.length < 2) {
    console.error('usage: merge-update-feeds <out.yml> <in.yml> <in.yml> [...]');
    process.exit(2);
  }
  writeFileSync(out, mergeUpdateFeeds(inputs.map((name) => ({ name, text: readFileSync(name, 'utf8') }))));
  console.log(`${out}: merged ${inputs.length} feeds`);
}
