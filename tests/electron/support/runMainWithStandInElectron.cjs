// Runs the BUILT main process (dist/electron/main.cjs) in plain Node with a stand-in for the
// 'electron' module, because the Electron binary cannot run here. Everything else is real: the
// bundle, SQLite, the monitor, the platform adapters. Every call into the stand-in is printed as
// one line "STUB <what> <json>" so the test can follow what the shell did.
'use strict';
const { EventEmitter } = require('node:events');
const { existsSync } = require('node:fs');
const Module = require('node:module');

const bundle = process.argv[2];
const say = (what, data) => process.stdout.write(`STUB ${what} ${JSON.stringify(data ?? null)}\n`);

const app = Object.assign(new EventEmitter(), {
  // STUB_PACKAGED=1 plays the installed app, which ignores the testing and SITWELL_DB hooks.
  isPackaged: process.env.STUB_PACKAGED === '1',
  dock: undefined,
  requestSingleInstanceLock: () => process.env.STUB_SINGLE_INSTANCE !== 'taken',
  whenReady: () => Promise.resolve(),
  getVersion: () => '0.1.0-stub',
  getLocale: () => process.env.STUB_LOCALE || 'en-US',
  getAppPath: () => process.cwd(),
  setLoginItemSettings: (s) => say('setLoginItemSettings', s),
  quit() {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    say('quit');
    process.exit(0);
  },
  exit(code) {
    say('exit', code);
    process.exit(code);
  },
});

const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleTime: () => {
    say('powerMonitor.getSystemIdleTime', 0);
    return 0;
  },
});
// SIGUSR2: the screen locks (powerMonitor's 'lock-screen'), so a test can lock the session at a moment of its choosing.
process.on('SIGUSR2', () => {
  say('powerMonitor.lock-screen');
  powerMonitor.emit('lock-screen');
});

const session = {
  defaultSession: {
    setPermissionRequestHandler: () => say('session.permissions'),
    setPermissionCheckHandler: () => {},
    webRequest: { onHeadersReceived: () => say('session.csp'), onBeforeRequest: () => say('session.requests') },
  },
};

let ipcHandler = null;
const ipcMain = {
  async handle(channel, fn) {
    ipcHandler = fn;
    say('ipcMain.handle', channel);
    // A message from a page that is not ours must be refused.
    const r = await fn({ senderFrame: { url: 'https://evil.example/' }, sender: { id: 999 } }, 'getNow', {});
    say('ipc.foreign', r);
  },
  removeHandler: (channel) => say('ipcMain.removeHandler', channel),
};

let nextContentsId = 1;
class BrowserWindow extends EventEmitter {
  constructor(opts) {
    super();
    this.opts = opts;
    this.destroyed = false;
    this.url = '';
    this.webContents = Object.assign(new EventEmitter(), {
      id: nextContentsId++,
      getURL: () => this.url,
      isDestroyed: () => this.destroyed,
      send: (channel, ...args) => say('webContents.send', [channel, args[0]]),
    });
    app.emit('web-contents-created', {}, {
      on: () => {},
      setWindowOpenHandler: () => say('contents.windowOpenHandler'),
    });
    say('BrowserWindow', { webPreferences: opts.webPreferences, alwaysOnTop: opts.alwaysOnTop === true });
  }
  removeMenu() {}
  setAlwaysOnTop(flag, level) {
    say('setAlwaysOnTop', [flag, level]);
  }
  setSkipTaskbar() {}
  isAlwaysOnTop() {
    return this.opts.alwaysOnTop === true;
  }
  loadFile(file, o) {
    this.url = `file://${file}#${o?.hash ?? ''}`;
    say('loadFile', { file, exists: existsSync(file), hash: o?.hash });
    setImmediate(() => this.emit('ready-to-show'));
    // STUB_UNLOAD: the page then refuses to unload (its beforeunload, as with unsaved Settings), as a close would find it.
    if (process.env.STUB_UNLOAD) setTimeout(() => this.webContents.emit('will-prevent-unload', { preventDefault: () => say('unload.allowed') }), 20);
    return Promise.resolve();
  }
  loadURL(url) {
    say('loadURL', url);
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isVisible() {
    return false;
  }
  isMinimized() {
    return false;
  }
  show() {
    say('show');
  }
  showInactive() {
    say('showInactive', this.url.split('#')[1]);
    // STUB_ANSWER: the page answers the prompt through the real IPC handler, as our own window.
    const action = process.env.STUB_ANSWER;
    if (action && ipcHandler) {
      setTimeout(async () => {
        const r = await ipcHandler({ senderFrame: { url: this.url, parent: null }, sender: { id: this.webContents.id } }, 'answerPrompt', { action });
        say('ipc.answer', r);
      }, 50);
    }
  }
  focus() {}
  restore() {}
  destroy() {
    this.destroyed = true;
    say('window.destroy', this.url.split('#')[1]);
    this.emit('closed');
  }
}

class Tray {
  constructor(img) {
    say('Tray', { icon: img.path, exists: existsSync(img.path) });
  }
  setImage(img) {
    say('tray.setImage', img.path.split('/').pop());
  }
  setToolTip(text) {
    say('tray.setToolTip', text);
  }
  setTitle(text) {
    say('tray.setTitle', text);
  }
  setContextMenu(menu) {
    say('tray.setContextMenu', menu.template.map((i) => i.label ?? i.type));
  }
  on() {}
  isDestroyed() {
    return false;
  }
  destroy() {
    say('tray.destroy');
  }
}

const electron = {
  app,
  powerMonitor,
  session,
  ipcMain,
  BrowserWindow,
  Tray,
  Menu: { buildFromTemplate: (template) => ({ template }) },
  nativeImage: { createFromPath: (p) => ({ path: p, setTemplateImage: () => {} }) },
  screen: { getCursorScreenPoint: () => ({ x: 0, y: 0 }), getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }) },
  dialog: {
    showErrorBox: (title, message) => say('dialog.error', { title, message }),
    showMessageBoxSync: (win, o) => {
      say('dialog.messageSync', { title: o.title, message: o.message, buttons: o.buttons, cancelId: o.cancelId });
      return process.env.STUB_UNLOAD === 'leave' ? 0 : 1;
    },
    showMessageBox: async (o) => {
      say('dialog.message', { title: o.title, detail: o.detail, buttons: o.buttons });
      return { response: o.buttons.indexOf(process.env.STUB_DIALOG_ANSWER ?? 'Quit') };
    },
  },
  shell: { openExternal: async (url) => say('shell.openExternal', url) },
};

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return electron;
  return load.call(this, request, parent, isMain);
};
require(bundle);
