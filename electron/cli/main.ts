// The case-audit command line: one entry, a table of commands, exit 0 / 1 / 2.
import { backup, backupHelp, check, checkHelp, restore, restoreHelp } from './commands/maintenance.js';
import { exportCommand, exportHelp, importCommand, importHelp, verify, verifyHelp } from './commands/bundles.js';
import { demo, demoHelp } from './commands/demo.js';
import { exportFiles, exportFilesHelp, isFileExport } from './commands/exportFiles.js';
import { report, reportHelp } from './commands/report.js';
import { serve, serveHelp } from './commands/serve.js';
import { recover, recoverHelp } from './commands/recover.js';
import { identity, identityHelp } from './commands/identity.js';
import { trust, trustHelp } from './commands/trust.js';
import { templates, templatesHelp } from './commands/templates.js';
import { UsageError } from './usage.js';
import { APP_VERSION } from '../version.js';

interface Command {
  run: (argv: string[]) => Promise<number>;
  help: string;
}

const COMMANDS: Record<string, Command> = {
  serve: { run: serve, help: serveHelp },
  demo: { run: demo, help: demoHelp },
  verify: { run: verify, help: verifyHelp },
  import: { run: importCommand, help: importHelp },
  // A signed bundle, or (named first) a file for people's own tools: actions, answers, programme, blank-tool.
  export: {
    run: (argv) => (isFileExport(argv) ? exportFiles(argv) : exportCommand(argv)),
    help: `${exportHelp}\n${exportFilesHelp}`,
  },
  report: { run: report, help: reportHelp },
  check: { run: check, help: checkHelp },
  backup: { run: backup, help: backupHelp },
  restore: { run: restore, help: restoreHelp },
  recover: { run: recover, help: recoverHelp },
  identity: { run: identity, help: identityHelp },
  trust: { run: trust, help: trustHelp },
  templates: { run: templates, help: templatesHelp },
};

export const HELP = `Case Audit ${APP_VERSION}: multi-agency case audits for safeguarding children partnerships.

Usage: case-audit <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => '  ' + c.help.split('\n').join('\n  '))
  .join('\n\n')}

Every command that opens a database takes --db PATH; without it CASE_AUDIT_DB, then the
user-data folder, is used. The database is encrypted: the passphrase is asked for on a terminal,
or read from the file named by --passphrase-file FILE or CASE_AUDIT_PASSPHRASE_FILE. It is never
taken from the command line. A new database gets a new passphrase the same way.
Exit codes: 0 success, 1 a check failed or something was refused, 2 usage error.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(APP_VERSION);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`case-audit: unknown command "${name}". Run case-audit --help for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`case-audit ${name}: ${e.message}\n\n${command.help}`);
      return 2;
    }
    console.error(`case-audit ${name}: ${(e as Error).message}`);
    return 1;
  }
}
