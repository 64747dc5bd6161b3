/**
 * Where a 1–2 character search with no hit spends its time: `npx tsx test/bench/probes/short-scan-cost.ts <ferry.db> [term]`.
 * Such a query can't use the trigram index, so search.ts scans the newest SHORT_QUERY_SCAN_BUDGET
 * messages. This times, on the same rows (read-only, each 5 times after a warm-up): the query as
 * search.ts runs it (LIKE), the same with instr() (no pattern matching), and reading the rows'
 * text without matching anything — if the last is close to the first, the matching isn't the cost.
 */
import Database from 'libsql';
import { SHORT_QUERY_SCAN_BUDGET } from '../../../electron/services/storage/search';

const [file, term = '飞艇'] = process.argv.slice(2);
if (!file) throw new Error('usage: short-scan-cost.ts <ferry.db> [term]');
const BUDGET = SHORT_QUERY_SCAN_BUDGET;
const db = new Database(file, { readonly: true });
const floor = (db.prepare('SELECT created_at FROM messages ORDER BY created_at DESC LIMIT 1 OFFSET ?').get(BUDGET - 1) as { created_at: number }).created_at;
const base = `FROM messages m JOIN conversations c ON c.id = m.conversation_id
  WHERE m.created_at >= ? AND m.status <> 'streaming' AND c.deleted_at IS NULL`;
const like = `%${term}%`;
const variants: [string, string, unknown[]][] = [
  ['LIKE (as search.ts)', `SELECT m.id ${base} AND (m.content LIKE ? ESCAPE '\\' OR m.reasoning LIKE ? ESCAPE '\\') ORDER BY m.created_at DESC`, [floor, like, like]],
  ['instr()', `SELECT m.id ${base} AND (instr(m.content, ?) > 0 OR instr(m.reasoning, ?) > 0) ORDER BY m.created_at DESC`, [floor, term, term]],
  ['read the text only', `SELECT m.id ${base} AND length(m.content) + length(m.reasoning) < 0 ORDER BY m.created_at DESC`, [floor]],
];
for (const [name, sql, args] of variants) {
  const stmt = db.prepare(sql);
  stmt.all(...args);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    stmt.all(...args);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(20)} median ${times[2]!.toFixed(1)} ms (${times.map((x) => x.toFixed(0)).join(', ')}) over the newest ${BUDGET} messages`);
}
db.close();
