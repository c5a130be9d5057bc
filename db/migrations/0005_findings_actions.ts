// Schema version 5: grading, the multi-agency discussion, findings, recommendations, the action plan
// with its append-only progress history, and rounds of the same audit (re-audits).
export const up = /* sql */ `
ALTER TABLE audit ADD COLUMN series_id TEXT;            -- rounds of one audit share a series (the first round's id)
ALTER TABLE audit ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit ADD COLUMN purpose TEXT NOT NULL DEFAULT '';  -- why the audit: the report's opening
ALTER TABLE audit ADD COLUMN thresholds TEXT;           -- JSON prevalence thresholds; NULL = defaults
UPDATE audit SET series_id = id WHERE series_id IS NULL;
CREATE INDEX audit_by_series ON audit (series_id, round);

-- An overall grade per case (agency_id NULL) and per agency within a case, with the rationale.
CREATE TABLE case_grade (
  case_id TEXT NOT NULL REFERENCES audit_case (id),
  agency_id TEXT REFERENCES agency (id),
  grade TEXT NOT NULL CHECK (grade IN ('outstanding', 'good', 'requires_improvement', 'inadequate')),
  rationale TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX case_grade_one_per_scope ON case_grade (case_id, coalesce(agency_id, ''));

CREATE TABLE case_discussion (
  case_id TEXT PRIMARY KEY REFERENCES audit_case (id),
  held_on TEXT NOT NULL,
  attendees TEXT NOT NULL,      -- JSON [{role, agencyId}]
  agreed TEXT NOT NULL,
  disagreements TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE finding (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  kind TEXT NOT NULL CHECK (kind IN ('strength', 'development')),
  text TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('suggested', 'own')),
  case_ids TEXT NOT NULL,       -- JSON: the cases that evidence it
  question_ids TEXT NOT NULL,   -- JSON: the questions that evidence it
  themes TEXT NOT NULL,         -- JSON: learning themes
  sort INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX finding_by_audit ON finding (audit_id, sort);

CREATE TABLE recommendation (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  text TEXT NOT NULL,
  finding_ids TEXT NOT NULL,    -- JSON
  sort INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX recommendation_by_audit ON recommendation (audit_id, sort);

CREATE TABLE action (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  recommendation_id TEXT REFERENCES recommendation (id),
  text TEXT NOT NULL,
  lead_agency_id TEXT NOT NULL REFERENCES agency (id),
  owner_role TEXT NOT NULL,
  due_date TEXT NOT NULL,
  success_measure TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('not_started', 'on_track', 'at_risk', 'complete', 'verified')),
  impact_evidence TEXT NOT NULL DEFAULT '',
  verified_by_audit_id TEXT REFERENCES audit (id),
  verified_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Verified only with evidence of impact, enforced here as well as in the service.
  CHECK (status <> 'verified' OR length(trim(impact_evidence)) > 0 OR verified_by_audit_id IS NOT NULL)
) STRICT;
CREATE INDEX action_by_audit ON action (audit_id);
CREATE INDEX action_by_agency_due ON action (lead_agency_id, due_date);

-- Progress updates are history: never changed, never removed.
CREATE TABLE action_update (
  id TEXT PRIMARY KEY,
  action_id TEXT NOT NULL REFERENCES action (id),
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  note TEXT NOT NULL,
  status TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX action_update_by_action ON action_update (action_id, at);
CREATE TRIGGER action_update_is_append_only_update BEFORE UPDATE ON action_update
BEGIN
  SELECT RAISE(ABORT, 'progress updates are history and cannot be changed');
END;
CREATE TRIGGER action_update_is_append_only_delete BEFORE DELETE ON action_update
BEGIN
  SELECT RAISE(ABORT, 'progress updates are history and cannot be removed');
END;
`;
