// Schema version 1: board, agencies, templates, audits, cases, checklists and answers.
// Shipped migrations are never edited; later changes are new numbered files.
export const up = /* sql */ `
CREATE TABLE board (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1)
) STRICT;

CREATE TABLE agency (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL
) STRICT;

CREATE TABLE template (
  id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  title TEXT NOT NULL,
  theme TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('case', 'agency')),
  body TEXT NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  created_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;

-- A published template version never changes: audits pin it.
CREATE TRIGGER template_versions_are_immutable BEFORE UPDATE ON template
BEGIN
  SELECT RAISE(ABORT, 'template versions are immutable: publish a new version instead');
END;

CREATE TABLE audit (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  theme TEXT NOT NULL,
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'signed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (template_id, template_version) REFERENCES template (id, version)
) STRICT;

CREATE TABLE audit_case (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  reference TEXT NOT NULL COLLATE NOCASE,
  age_band TEXT NOT NULL,
  gender TEXT NOT NULL,
  ethnicity TEXT NOT NULL,
  disability TEXT NOT NULL,
  plan_type TEXT NOT NULL,
  reference_flags TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  UNIQUE (audit_id, reference)
) STRICT;
CREATE INDEX audit_case_by_audit ON audit_case (audit_id);

-- One checklist per case and involved agency.
CREATE TABLE checklist (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES audit_case (id),
  agency_id TEXT NOT NULL REFERENCES agency (id),
  completed_at TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (case_id, agency_id)
) STRICT;
CREATE INDEX checklist_by_agency ON checklist (agency_id);

CREATE TABLE answer (
  checklist_id TEXT NOT NULL REFERENCES checklist (id),
  question_id TEXT NOT NULL,
  value TEXT NOT NULL, -- JSON: string, number, array of codes, or null
  not_applicable_reason TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (checklist_id, question_id)
) STRICT, WITHOUT ROWID;
`;
