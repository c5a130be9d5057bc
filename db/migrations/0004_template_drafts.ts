// Schema version 4: template drafts, edited by the QA sub-committee until published as a version.
export const up = /* sql */ `
CREATE TABLE template_draft (
  id TEXT PRIMARY KEY,
  template_id TEXT NOT NULL,       -- the template this draft will publish a version of
  based_on_version INTEGER,        -- the version it was copied from, NULL for a new template
  body TEXT NOT NULL,              -- JSON of the template being edited
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;
