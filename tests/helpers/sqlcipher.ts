// An independent SQLCipher 4 build (@journeyapps/sqlcipher bundles SQLCipher itself, not the library
// the app uses): opens a file with only its defaults and `PRAGMA key = "x'…'"`, as docs/security.md says.
import sqlcipher from '@journeyapps/sqlcipher';

export interface SqlcipherResult {
  version: string;
  rows: Record<string, unknown>[];
}

/** Opens `path` read-only with the raw key, runs one query; rejects with SQLCipher's own error. */
export function queryWithSqlcipher(path: string, keyHex: string, sql: string): Promise<SqlcipherResult> {
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(path, sqlcipher.OPEN_READONLY, (err) => {
      if (err) reject(err);
    });
    let version = '';
    const fail = (err: Error) => db.close(() => reject(err));
    db.serialize(() => {
      // Its page-level errors would go to stderr; the rejected promise carries the message.
      db.run('PRAGMA cipher_log_level = NONE');
      db.run(`PRAGMA key = "x'${keyHex}'"`);
      db.get('PRAGMA cipher_version', (err: Error | null, row?: { cipher_version: string }) => {
        if (!err && row) version = row.cipher_version;
      });
      db.all(sql, (err: Error | null, rows: Record<string, unknown>[]) => {
        if (err) return fail(err);
        db.close((closeErr) => (closeErr ? reject(closeErr) : resolve({ version, rows })));
      });
    });
  });
}
