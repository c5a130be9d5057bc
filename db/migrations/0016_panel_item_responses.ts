// Schema version 16: a panel item's response per agency.
//
// An item of a multi-agency panel often concerns several agencies, and each answers the challenge
// for its own part. `panel_item_response` holds one response per agency and item; `panel_item.response`
// stays for a single-agency panel's response and for items recorded before this version. The rows are
// locked with their panel once it is signed, as the items are, and go with their item when an unsigned
// audit is deleted.
export const up = /* sql */ `
CREATE TABLE panel_item_response (
  item_id TEXT NOT NULL REFERENCES panel_item (id) ON DELETE CASCADE,
  agency_id TEXT NOT NULL REFERENCES agency (id),
  sort INTEGER NOT NULL,
  response TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (item_id, agency_id)
) STRICT;

CREATE TRIGGER panel_item_response_locked_insert BEFORE INSERT ON panel_item_response
WHEN (SELECT p.status FROM panel p JOIN panel_item i ON i.panel_id = p.id WHERE i.id = NEW.item_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'a signed panel record is immutable');
END;
CREATE TRIGGER panel_item_response_locked_update BEFORE UPDATE ON panel_item_response
WHEN (SELECT p.status FROM panel p JOIN panel_item i ON i.panel_id = p.id WHERE i.id = OLD.item_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'a signed panel record is immutable');
END;
CREATE TRIGGER panel_item_response_locked_delete BEFORE DELETE ON panel_item_response
WHEN (SELECT p.status FROM panel p JOIN panel_item i ON i.panel_id = p.id WHERE i.id = OLD.item_id) = 'signed' BEGIN
  SELECT RAISE(ABORT, 'a signed panel record is immutable');
END;
`;
