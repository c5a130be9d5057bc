// The Electron main process: one hardened window showing the interface from app://case-audit/, and one
// IPC channel that checks the sender and relays every call to the service process (a utilityProcess
// running electron/serviceProcess/child.ts, the same entry the browser host forks under Node), so a
// long SQLite call or report never stalls the window. The decisions live in windowPolicy.ts and
// electron/serviceProcess/ (tested under Node); this file only wires them in.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  utilityProcess,
  type IpcMainInvokeEvent,
  type WebPreferences,
} from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RPC_CHANNEL } from '../shared/bridge.js';
import type { RpcResult } from '../shared/errors.js';
import { serviceEntry } from './serviceProcess/nodeChild.js';
import { createRelay, type Relay } from './serviceProcess/relay.js';
import { startServiceProcess, type ServiceChild, type ServiceProcess } from './serviceProcess/supervisor.js';
import { osWrapBlob, putOsWrap } from './security/keyFile.js';
import { findElectronBinding } from './nativeBinding.js';
import { resolveDatabasePath, userDataDir } from './paths.js';
import { projectRoot } from './version.js';
import { audiencePlacement, windowOpenDecision } from './presentationWindow.js';
import { bundlePathsFromArgv, createOpenedFiles } from './fileOpen.js';
import { createReminderNotifications } from './reminderNotifications.js';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  appResponseHeaders,
  databaseFlag,
  isAllowedNavigation,
  isTrustedSender,
  resolveAppPath,
  secureWebPreferences,
  unauthorised,
} from './windowPolicy.js';

const root = projectRoot();
const rendererRoot = join(root, 'dist', 'renderer');
const preloadPath = join(root, 'dist', 'preload', 'preload.cjs');

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
// The same folder the CLI and the browser host use (paths.ts), whatever name Electron derives.
app.setPath('userData', userDataDir());

let mainWindow: BrowserWindow | null = null;
// Reminders are looked at shortly after start and then every quarter of an hour (a passive call).
const REMINDER_FIRST_CHECK_MS = 10_000;
const REMINDER_CHECK_MS = 15 * 60_000;
let services: ServiceProcess | null = null;

// Bundles opened from the desktop wait here until the window's page has loaded (fileOpen.ts).
const openedFiles = createOpenedFiles();
for (const path of bundlePathsFromArgv(process.argv, process.cwd())) openedFiles.add(path);
// macOS sends the files opened with the app as events, the first ones before 'ready'.
app.on('open-file', (event, path) => {
  event.preventDefault();
  openedFiles.add(path);
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

// The key is kept in the OS keychain (safeStorage) as well as under the passphrase, so the app opens
// without a prompt at launch; after an idle or sleep lock the passphrase is asked for again.
function keyFromKeychain(databasePath: string): Buffer | undefined {
  const blob = osWrapBlob(databasePath);
  if (!blob || !safeStorage.isEncryptionAvailable()) return undefined;
  try {
    return Buffer.from(safeStorage.decryptString(Buffer.from(blob, 'base64')), 'hex');
  } catch {
    return undefined; // another user's or machine's keychain: fall back to the passphrase
  }
}

function keepInKeychain(databasePath: string, key: Buffer): void {
  if (!safeStorage.isEncryptionAvailable() || osWrapBlob(databasePath)) return;
  putOsWrap(databasePath, safeStorage.encryptString(key.toString('hex')).toString('base64'));
}

function isOurSender(event: IpcMainInvokeEvent): boolean {
  if (!mainWindow || mainWindow.isDestroyed() || event.sender.id !== mainWindow.webContents.id) return false;
  const frame = event.senderFrame; // null once the frame has navigated away or gone
  return frame !== null && frame.parent === null && isTrustedSender(frame.url);
}

function serveInterface(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppPath(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(new Uint8Array(body), { status: 200, headers: appResponseHeaders(file) });
    } catch {
      return new Response('The interface is not built: run `npm run build`.', { status: 500 });
    }
  });
}

function denyPermissions(): void {
  // The interface needs no camera, notifications, clipboard reads, HID, serial or anything else.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

// Applied to every web contents ever created, not only ours, as Electron's checklist advises.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  // No new windows, and never shell.openExternal: an offline tool has nowhere to send the user.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

function createWindow(): BrowserWindow {
  const webPreferences: WebPreferences = secureWebPreferences(preloadPath, { devTools: !app.isPackaged });
  const win = new BrowserWindow({
    title: 'Case Audit',
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    webPreferences,
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-finish-load', () =>
    openedFiles.ready((bundle) => {
      if (!win.isDestroyed()) win.webContents.send('bundle.opened', bundle);
    }),
  );
  // Presentation mode's audience view is the one window the interface may open (presentationWindow.ts).
  win.webContents.setWindowOpenHandler(({ url }) => windowOpenDecision(url, { devTools: !app.isPackaged }));
  win.webContents.on('did-create-window', (audience) => {
    const { fullscreen, ...bounds } = audiencePlacement(
      screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds })),
      screen.getPrimaryDisplay().id,
    );
    audience.setBounds(bounds);
    if (fullscreen) audience.setFullScreen(true);
  });
  win.on('closed', () => {
    openedFiles.notReady();
    if (mainWindow === win) mainWindow = null;
    // The audience view goes with the window that presents to it.
    for (const other of BrowserWindow.getAllWindows()) if (!other.isDestroyed()) other.close();
  });
  void win.loadURL(APP_START_URL);
  return win;
}

/** The service process as Electron runs it: the same entry and messages as nodeChild.ts's fork. */
function utilityServiceChild(): ServiceChild {
  const child = utilityProcess.fork(serviceEntry(), [], { serviceName: 'Case Audit services', stdio: 'inherit' });
  return {
    get pid() {
      return child.pid;
    },
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code, null)),
    kill: () => child.kill(),
  };
}

function registerRpc(relay: Relay): void {
  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, input: unknown): Promise<RpcResult<unknown>> => {
    if (!isOurSender(event)) return unauthorised();
    return relay(method, input);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const databasePath = resolveDatabasePath(databaseFlag(process.argv));
  const nativeBinding = findElectronBinding(root, process.versions.electron);
  try {
    const key = keyFromKeychain(databasePath);
    services = await startServiceProcess({
      spawn: utilityServiceChild,
      settings: { dbPath: databasePath, reportKey: true, ...(nativeBinding ? { nativeBinding } : {}) },
      ...(key ? { key } : {}),
      // Events pushed by the services (the session locked, progress) go to the window as they come.
      onEvent: (name, payload) => mainWindow?.webContents.send(name, payload),
      onUnlock: (unlocked) => keepInKeychain(databasePath, unlocked),
    });
  } catch (e) {
    dialog.showErrorBox(
      'Case Audit cannot start',
      `The database at ${databasePath} could not be opened.\n\n${e instanceof Error ? e.message : String(e)}`,
    );
    app.exit(1);
    return;
  }
  denyPermissions();
  serveInterface();
  registerRpc(createRelay(services.dispatch));
  mainWindow = createWindow();
  // The idle lock is checked in the service process; sleep and screen locks are seen only here.
  // Lock when the laptop sleeps or its screen locks: a lid closed in a meeting is a lid left open.
  const running = services;
  powerMonitor.on('suspend', () => running.lock());
  powerMonitor.on('lock-screen', () => running.lock());
  // Reminders as the system's notifications (reminderNotifications.ts decides which, once a day each).
  const reminders = createReminderNotifications({
    listReminders: () => running.dispatch('reminders.list', {}),
    notifier: {
      supported: () => Notification.isSupported(),
      show: ({ title, body }) => new Notification({ title, body }).show(),
    },
  });
  setTimeout(() => void reminders.check(), REMINDER_FIRST_CHECK_MS);
  setInterval(() => void reminders.check(), REMINDER_CHECK_MS);

  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow();
  });
}

// One instance per user: two processes writing the same database would fight over it.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (double-clicking a bundle while the app runs) hands its files to this one.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const path of bundlePathsFromArgv(argv, workingDirectory)) openedFiles.add(path);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window holds the database open; closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the service process to close the database (it is killed after 5 s).
  app.on('will-quit', (event) => {
    ipcMain.removeHandler(RPC_CHANNEL);
    if (!services) return;
    event.preventDefault();
    const closing = services;
    services = null;
    void closing.close().finally(() => app.quit());
  });
  start().catch((e: unknown) => {
    console.error('[case-audit] start-up failed:', e);
    app.exit(1);
  });
}
