import type Database from 'libsql';

/**
 * Statements that differ only in how many repeated filters they hold (one per search term),
 * prepared on first use and kept: `sql` gets the filter repeated `count` times, joined by spaces.
 */
export function preparedByCount(db: Database.Database, filter: string, sql: (filters: string) => string): (count: number) => Database.Statement {
  const statements = new Map<number, Database.Statement>();
  return (count) => {
    let stmt = statements.get(count);
    if (!stmt) statements.set(count, (stmt = db.prepare(sql(Array.from({ length: count }, () => filter).join(' ')))));
    return stmt;
  };
}
