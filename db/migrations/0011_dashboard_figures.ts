// Schema version 11: what the QA dashboard and the analyses work out from signed revisions, kept in
// the database, and indexes that cover the dashboard's counts of actions. Until version 10 the figures
// were kept in memory only, and the first `dashboard.get` after the app opened counted every signed
// audit's answers again (400,000 at the scale model: 2.5-4.2 s; docs/performance.md).
//
// A signed revision cannot change (audit_revision's triggers forbid updating or deleting it, and an
// audit's working rows are locked while it is signed), so what is counted from it is the same every
// time. `signed_figures` holds one row per signed revision: a new revision is a new row (the key is
// the audit and the revision, which must exist in audit_revision). Besides the revision, the figures
// depend on inputs that can change while the revision cannot, and the row records them so that figures
// counted from other inputs are never used (electron/services/signedFigures.ts checks them on every
// read and counts again when they differ): `method`, the version of the code's counting; the template
// version; the prevalence thresholds; the kind of every agency whose checklists were counted (it
// decides which questions an agency was asked).
//
// `signed_totals` is one row: the heatmap, grades and trends' totals summed over every signed audit,
// with a digest of everything they were summed from (each signed audit's id, revision, template
// version, theme and thresholds, every agency's kind, and the method). The dashboard reads it alone
// while the digest matches, and sums the per-revision rows again when it does not (an audit signed or
// imported, a new revision, changed thresholds or agency kinds).
//
// Nothing here is the record itself: both tables can be emptied at any time and are filled again on
// use. Rows are written by the dashboard on first use, by the search indexer after an import and in
// the background after opening; never inside an import's or a signing's transaction.
//
// The dashboard counts open and overdue actions by audit and by lead agency: the two indexes on action
// now carry the status (and the due date) so that the counts read the indexes alone, not the actions'
// text. Each is a superset of the index it replaces (the same leading columns).
export const up = /* sql */ `
CREATE TABLE signed_figures (
  audit_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  method INTEGER NOT NULL,           -- the version of the counting that wrote the row
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  thresholds TEXT NOT NULL,          -- JSON of the prevalence thresholds used
  agency_kinds TEXT NOT NULL,        -- JSON {agencyId: kind} of the agencies whose checklists were counted
  heatmap TEXT NOT NULL,             -- JSON {agencyId: {theme: [assessed, development]}}
  grades TEXT NOT NULL,              -- JSON [[agencyId, grade, cases], ...]: agency grades of the cases
  assessed INTEGER NOT NULL,         -- re-audit trends: cases assessed, summed over the questions
  met INTEGER NOT NULL,              -- re-audit trends: cases meeting the standard, summed over the questions
  prevalence TEXT NOT NULL,          -- JSON of the prevalence (shared/prevalence.ts); last, the largest
  computed_at TEXT NOT NULL,
  PRIMARY KEY (audit_id, revision),
  FOREIGN KEY (audit_id, revision) REFERENCES audit_revision (audit_id, revision)
) STRICT;

CREATE TABLE signed_totals (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  method INTEGER NOT NULL,
  inputs_digest TEXT NOT NULL,       -- SHA-256 of what the totals were summed from
  totals TEXT NOT NULL,              -- JSON {heatmap, grades, trends}
  computed_at TEXT NOT NULL
) STRICT;

DROP INDEX action_by_audit;
CREATE INDEX action_by_audit ON action (audit_id, status, due_date);
DROP INDEX action_by_agency_due;
CREATE INDEX action_by_agency_due ON action (lead_agency_id, due_date, status);
`;
