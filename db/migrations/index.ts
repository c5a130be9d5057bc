// The ordered, forward-only list of schema migrations. Each runs in one transaction together with its
// version bump, so a crash mid-migration leaves the previous version intact.
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_settings.js';
import * as m0003 from './0003_change_log.js';
import * as m0004 from './0004_template_drafts.js';
import * as m0005 from './0005_findings_actions.js';
import * as m0006 from './0006_signing.js';
import * as m0007 from './0007_search_panels.js';
import * as m0008 from './0008_search_rowids.js';
import * as m0009 from './0009_search_backlog.js';
import * as m0010 from './0010_search_kinds.js';
import * as m0011 from './0011_dashboard_figures.js';
import * as m0012 from './0012_import_pins.js';
import * as m0013 from './0013_archive_and_delete.js';
import * as m0014 from './0014_audit_programme.js';
import * as m0015 from './0015_personal_data_dismissals.js';
import * as m0016 from './0016_panel_item_responses.js';
import * as m0017 from './0017_retention.js';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: m0001.up },
  { version: 2, name: 'settings', up: m0002.up },
  { version: 3, name: 'change log', up: m0003.up },
  { version: 4, name: 'template drafts', up: m0004.up },
  { version: 5, name: 'findings and actions', up: m0005.up },
  { version: 6, name: 'signing and bundles', up: m0006.up },
  { version: 7, name: 'search and challenge panels', up: m0007.up },
  { version: 8, name: 'search entries by rowid', up: m0008.up },
  { version: 9, name: 'search backlog for imports', up: m0009.up },
  { version: 10, name: 'search kinds indexed', up: m0010.up },
  { version: 11, name: 'dashboard figures of signed revisions', up: m0011.up },
  { version: 12, name: 'imported audits pinned to their signer', up: m0012.up },
  { version: 13, name: 'archived audits and deleting unsigned ones', up: m0013.up },
  { version: 14, name: 'audit programme', up: m0014.up },
  { version: 15, name: 'personal data dismissals', up: m0015.up },
  { version: 16, name: 'panel item responses per agency', up: m0016.up },
  { version: 17, name: 'retention periods and legal holds', up: m0017.up },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
