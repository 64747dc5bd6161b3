/** `{{name}}` placeholders of a saved prompt, in order of first use, each once. */
export function templateVariables(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(/\{\{\s*([\p{L}\p{N}_-]{1,40})\s*\}\}/gu)) {
    const name = match[1]!;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The prompt with each placeholder replaced by its value (an unknown one is left as written). */
export function fillTemplate(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(/\{\{\s*([\p{L}\p{N}_-]{1,40})\s*\}\}/gu, (whole, name: string) => values[name] ?? whole);
}

/** The search text of a `/` command typed at the start of the composer, or null when there is none. */
export function slashQuery(text: string): string | null {
  const match = /^\/([^\s/]*)$/u.exec(text);
  return match ? match[1]! : null;
}
