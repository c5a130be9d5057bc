// Schema version 14: the audit programme, the audits the partnership plans for its year.
//
// A planned audit belongs to a programme year (the partnership's business year, from 1 April) and is
// placed either in a quarter or between two dates. It names the theme, the template version, the
// sample size, the lead auditor and the agencies taking part; `reaudit_of` names the signed audit it
// re-audits. Once started it points at the audit (`audit_id`); deleting that audit (only an unsigned
// one may be deleted) puts the entry back to planned.
export const up = /* sql */ `
CREATE TABLE planned_audit (
  id TEXT PRIMARY KEY,
  programme_year INTEGER NOT NULL CHECK (programme_year BETWEEN 2000 AND 2100),
  title TEXT NOT NULL,
  theme TEXT NOT NULL,
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  quarter INTEGER CHECK (quarter BETWEEN 1 AND 4),
  starts_on TEXT,
  ends_on TEXT,
  sample_size INTEGER NOT NULL CHECK (sample_size BETWEEN 1 AND 200),
  lead_auditor TEXT NOT NULL,
  reaudit_of TEXT REFERENCES audit (id) ON DELETE SET NULL,
  audit_id TEXT UNIQUE REFERENCES audit (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((quarter IS NULL) <> (starts_on IS NULL)),
  CHECK ((starts_on IS NULL) = (ends_on IS NULL)),
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  FOREIGN KEY (template_id, template_version) REFERENCES template (id, version)
) STRICT;
CREATE INDEX planned_audit_by_year ON planned_audit (programme_year);
CREATE INDEX planned_audit_by_reaudit ON planned_audit (reaudit_of);

CREATE TABLE planned_audit_agency (
  planned_id TEXT NOT NULL REFERENCES planned_audit (id) ON DELETE CASCADE,
  agency_id TEXT NOT NULL REFERENCES agency (id),
  PRIMARY KEY (planned_id, agency_id)
) STRICT, WITHOUT ROWID;
`;
