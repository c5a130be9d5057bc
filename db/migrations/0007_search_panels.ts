// Schema version 7: full-text search over findings, recommendations, actions and evidence notes
// (kept in step by triggers, inside the same transaction as each change), and challenge panels.
export const up = /* sql */ `
CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED,      -- finding | recommendation | action | evidence
  ref_id UNINDEXED,    -- finding/recommendation/action id, or checklist_id/question_id
  audit_id UNINDEXED,
  body,
  tokenize = 'porter unicode61'
);

CREATE TRIGGER search_finding_insert AFTER INSERT ON finding BEGIN
  INSERT INTO search_index (kind, ref_id, audit_id, body) VALUES ('finding', NEW.id, NEW.audit_id, NEW.text);
END;
CREATE TRIGGER search_finding_update AFTER UPDATE OF text ON finding BEGIN
  DELETE FROM search_index WHERE kind = 'finding' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, audit_id, body) VALUES ('finding', NEW.id, NEW.audit_id, NEW.text);
END;
CREATE TRIGGER search_finding_delete AFTER DELETE ON finding BEGIN
  DELETE FROM search_index WHERE kind = 'finding' AND ref_id = OLD.id;
END;

CREATE TRIGGER search_recommendation_insert AFTER INSERT ON recommendation BEGIN
  INSERT INTO search_index (kind, ref_id, audit_id, body) VALUES ('recommendation', NEW.id, NEW.audit_id, NEW.text);
END;
CREATE TRIGGER search_recommendation_update AFTER UPDATE OF text ON recommendation BEGIN
  DELETE FROM search_index WHERE kind = 'recommendation' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, audit_id, body) VALUES ('recommendation', NEW.id, NEW.audit_id, NEW.text);
END;
CREATE TRIGGER search_recommendation_delete AFTER DELETE ON recommendation BEGIN
  DELETE FROM search_index WHERE kind = 'recommendation' AND ref_id = OLD.id;
END;

CREATE TRIGGER search_action_insert AFTER INSERT ON action BEGIN
  INSERT INTO search_index (kind, ref_id, audit_id, body) VALUES ('action', NEW.id, NEW.audit_id, NEW.text || ' ' || NEW.success_measure || ' ' || NEW.owner_role);
END;
CREATE TRIGGER search_action_update AFTER UPDATE OF text, success_measure, owner_role ON action BEGIN
  DELETE FROM search_index WHERE kind = 'action' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, audit_id, body) VALUES ('action', NEW.id, NEW.audit_id, NEW.text || ' ' || NEW.success_measure || ' ' || NEW.owner_role);
END;

CREATE TRIGGER search_evidence_insert AFTER INSERT ON answer WHEN NEW.evidence <> '' BEGIN
  INSERT INTO search_index (kind, ref_id, audit_id, body)
  VALUES ('evidence', NEW.checklist_id || '/' || NEW.question_id,
          (SELECT c.audit_id FROM checklist k JOIN audit_case c ON c.id = k.case_id WHERE k.id = NEW.checklist_id), NEW.evidence);
END;
CREATE TRIGGER search_evidence_update AFTER UPDATE OF evidence ON answer BEGIN
  DELETE FROM search_index WHERE kind = 'evidence' AND ref_id = OLD.checklist_id || '/' || OLD.question_id;
  INSERT INTO search_index (kind, ref_id, audit_id, body)
  SELECT 'evidence', NEW.checklist_id || '/' || NEW.question_id,
         (SELECT c.audit_id FROM checklist k JOIN audit_case c ON c.id = k.case_id WHERE k.id = NEW.checklist_id), NEW.evidence
  WHERE NEW.evidence <> '';
END;
CREATE TRIGGER search_evidence_delete AFTER DELETE ON answer BEGIN
  DELETE FROM search_index WHERE kind = 'evidence' AND ref_id = OLD.checklist_id || '/' || OLD.question_id;
END;

INSERT INTO search_index (kind, ref_id, audit_id, body) SELECT 'finding', id, audit_id, text FROM finding;
INSERT INTO search_index (kind, ref_id, audit_id, body) SELECT 'recommendation', id, audit_id, text FROM recommendation;
INSERT INTO search_index (kind, ref_id, audit_id, body) SELECT 'action', id, audit_id, text || ' ' || success_measure || ' ' || owner_role FROM action;
INSERT INTO search_index (kind, ref_id, audit_id, body)
  SELECT 'evidence', a.checklist_id || '/' || a.question_id, c.audit_id, a.evidence
  FROM answer a JOIN checklist k ON k.id = a.checklist_id JOIN audit_case c ON c.id = k.case_id WHERE a.evidence <> '';

-- Challenge panels: the chair holds an agency (Section 11) or the partners (after an audit) to account.
CREATE TABLE panel (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  agency_id TEXT REFERENCES agency (id),      -- the agency challenged, NULL for a multi-agency panel
  title TEXT NOT NULL,
  held_on TEXT NOT NULL,
  attendees TEXT NOT NULL DEFAULT '[]',       -- JSON [{role, agencyId}]
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'signed')),
  content TEXT,                               -- canonical JSON signed, once signed
  content_hash TEXT,
  signature TEXT,                             -- Ed25519 over the content bytes, base64url
  signer_fingerprint TEXT,
  signed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX panel_by_audit ON panel (audit_id);

CREATE TABLE panel_item (
  id TEXT PRIMARY KEY,
  panel_id TEXT NOT NULL REFERENCES panel (id),
  sort INTEGER NOT NULL,
  subject TEXT NOT NULL,                      -- the finding or rating in question
  finding_id TEXT REFERENCES finding (id),
  challenge TEXT NOT NULL DEFAULT '',
  response TEXT NOT NULL DEFAULT '',
  outcome TEXT CHECK (outcome IN ('assured', 'partly_assured', 'not_assured')),
  escalation TEXT NOT NULL DEFAULT '',        -- the step under the challenge and escalation policy
  follow_up TEXT NOT NULL DEFAULT '',
  action_id TEXT REFERENCES action (id),
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX panel_item_by_panel ON panel_item (panel_id, sort);

CREATE TRIGGER panel_signed_is_immutable BEFORE UPDATE ON panel WHEN OLD.status = 'signed' BEGIN
  SELECT RAISE(ABORT, 'a signed panel record is immutable');
END;
CREATE TRIGGER panel_item_locked_insert BEFORE INSERT ON panel_item
WHEN (SELECT status FROM panel WHERE id = NEW.panel_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'a signed panel record is immutable');
END;
CREATE TRIGGER panel_item_locked_update BEFORE UPDATE ON panel_item
WHEN (SELECT status FROM panel WHERE id = OLD.panel_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'a signed panel record is immutable');
END;
CREATE TRIGGER panel_item_locked_delete BEFORE DELETE ON panel_item
WHEN (SELECT status FROM panel WHERE id = OLD.panel_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'a signed panel record is immutable');
END;
`;
