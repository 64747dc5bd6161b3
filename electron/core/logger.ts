/**
 * Logging that can never print a secret: every line passes through `redact`, which masks
 * anything that looks like an API key or bearer token, and every registered secret verbatim.
 */
export interface Logger {
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

const secrets = new Set<string>();

/** Called whenever main learns a key, so even an unusual format is masked in logs. */
export function registerSecret(secret: string): void {
  if (secret.length >= 6) secrets.add(secret);
}

/** Pattern → replacement; `$1` keeps the part that says what was masked. */
const KEY_PATTERNS: [RegExp, string][] = [
  [/\b(sk|nk|ak|pk)-[A-Za-z0-9_-]{6,}/g, '$1-[redacted]'],
  [/(Bearer\s+)[^\s"']+/gi, '$1[redacted]'],
  // Credentials inside a URL: http://user:password@proxy:8080
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']+:)[^\s/@"']+@/gi, '$1[redacted]@'],
  // key=value and "key": "value" forms of API keys, tokens and passwords (headers, query strings, JSON)
  [/((?:api[-_]?key|x-api-key|access[-_]?token|token|password|passwd|secret)["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"'&,;}]{4,}/gi, '$1[redacted]'],
];

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  for (const [pattern, replacement] of KEY_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

function format(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const log = (level: string, message: string, rest: unknown[]) =>
    write(redact(`[ferry] ${level} ${[message, ...rest.map(format)].join(' ')}`));
  return {
    info: (m, ...r) => log('info', m, r),
    warn: (m, ...r) => log('warn', m, r),
    error: (m, ...r) => log('error', m, r),
  };
}
