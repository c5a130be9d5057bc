// Schema version 2: installation settings (idle lock and the like) as typed key/value rows.
export const up = /* sql */ `
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL, -- JSON
  updated_at TEXT NOT NULL
) STRICT;
`;
