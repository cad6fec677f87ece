import { DbusConnection, type IncomingCall, type OutgoingReply } from './dbusConnection.js';

/** What the tray shows; main/app/trayModel's TrayView fits it (platform code does not import app code). */
export type TrayIcon = 'ok' | 'rising' | 'due' | 'paused';
export type TrayMenuItem<A extends string = string> =
  | { type: 'item'; action: A; label: string; enabled: boolean }
  | { type: 'submenu'; label: string; items: TrayMenuItem<A>[] }
  | { type: 'separator' };
export interface TrayView<A extends string = string> {
  icon: TrayIcon;
  tooltip: string;
  items: TrayMenuItem<A>[];
}

/**
 * The daemon's tray on Linux without Electron: a StatusNotifierItem (the KDE/freedesktop tray
 * protocol every current Linux panel speaks, GNOME with the AppIndicator extension) with its menu as
 * com.canonical.dbusmenu, both served over the session bus. It only shows a TrayView (main/app/trayModel,
 * the same rules as the Electron tray) and reports clicks as TrayActions.
 */

const ITEM_PATH = '/StatusNotifierItem';
const MENU_PATH = '/MenuBar';
const SNI = 'org.kde.StatusNotifierItem';
const MENU = 'com.canonical.dbusmenu';
const PROPS = 'org.freedesktop.DBus.Properties';
const WATCHER = 'org.kde.StatusNotifierWatcher';
const SIGNAL_GAP_MS = 1000;

export interface DbusTray<A extends string = string> {
  /** The bus name the item is registered under. */
  busName: string;
  show(view: TrayView<A>): void;
  close(): void;
}

/** Icon colours per state: the same meaning as the app's tray icons (build/tray), drawn as a dot. */
const COLOURS: Record<TrayIcon, [number, number, number]> = { ok: [0x2e, 0x9d, 0x5b], rising: [0xe0, 0x9b, 0x1a], due: [0xd0, 0x3b, 0x2f], paused: [0x8a, 0x8f, 0x98] };

/** A filled circle as an SNI pixmap: ARGB32 in network byte order, smoothed at the edge. */
export function iconPixmap(icon: TrayIcon, size = 22): [number, number, Buffer] {
  const [r, g, b] = COLOURS[icon];
  const px = Buffer.alloc(size * size * 4);
  const c = (size - 1) / 2;
  const radius = size / 2 - 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      const a = Math.round(255 * Math.min(1, Math.max(0, radius - d + 0.5)));
      px.writeUInt8(a, (y * size + x) * 4);
      px.writeUInt8(r, (y * size + x) * 4 + 1);
      px.writeUInt8(g, (y * size + x) * 4 + 2);
      px.writeUInt8(b, (y * size + x) * 4 + 3);
    }
  }
  return [size, size, px];
}

/**
 * One size, drawn once per state. dbus-next marshals an `ay` byte by byte (a small allocation each),
 * so every pixmap a panel reads costs the daemon's heap; panels scale a 22-px icon for other sizes.
 */
const PIXMAPS = new Map<TrayIcon, [number, number, Buffer][]>();
function pixmapsOf(icon: TrayIcon): [number, number, Buffer][] {
  let p = PIXMAPS.get(icon);
  if (!p) PIXMAPS.set(icon, (p = [iconPixmap(icon, 22)]));
  return p;
}

interface MenuNode {
  id: number;
  props: Record<string, [string, unknown]>;
  children: MenuNode[];
  action?: string;
}

/** Numbers the menu's entries depth-first (0 is the root), as dbusmenu addresses them. */
export function menuTree(items: TrayMenuItem[]): { root: MenuNode; byId: Map<number, MenuNode> } {
  const byId = new Map<number, MenuNode>();
  let next = 1;
  const build = (list: TrayMenuItem[]): MenuNode[] =>
    list.map((item) => {
      const id = next++;
      let node: MenuNode;
      if (item.type === 'separator') node = { id, props: { type: ['s', 'separator'] }, children: [] };
      else if (item.type === 'submenu') node = { id, props: { label: ['s', item.label], 'children-display': ['s', 'submenu'] }, children: build(item.items) };
      else node = { id, props: { label: ['s', item.label], enabled: ['b', item.enabled] }, children: [], action: item.action };
      byId.set(id, node);
      return node;
    });
  const root: MenuNode = { id: 0, props: { 'children-display': ['s', 'submenu'] }, children: build(items) };
  byId.set(0, root);
  return { root, byId };
}

const INTROSPECT: Record<string, string> = {
  [ITEM_PATH]: `<node><interface name="${SNI}"><method name="Activate"><arg type="i" direction="in"/><arg type="i" direction="in"/></method><method name="SecondaryActivate"><arg type="i" direction="in"/><arg type="i" direction="in"/></method><method name="ContextMenu"><arg type="i" direction="in"/><arg type="i" direction="in"/></method><method name="Scroll"><arg type="i" direction="in"/><arg type="s" direction="in"/></method><property name="Category" type="s" access="read"/><property name="Id" type="s" access="read"/><property name="Title" type="s" access="read"/><property name="Status" type="s" access="read"/><property name="WindowId" type="i" access="read"/><property name="IconName" type="s" access="read"/><property name="IconPixmap" type="a(iiay)" access="read"/><property name="ToolTip" type="(sa(iiay)ss)" access="read"/><property name="ItemIsMenu" type="b" access="read"/><property name="Menu" type="o" access="read"/><signal name="NewIcon"/><signal name="NewToolTip"/><signal name="NewTitle"/><signal name="NewStatus"><arg type="s"/></signal></interface></node>`,
  [MENU_PATH]: `<node><interface name="${MENU}"><method name="GetLayout"><arg type="i" direction="in"/><arg type="i" direction="in"/><arg type="as" direction="in"/><arg type="u" direction="out"/><arg type="(ia{sv}av)" direction="out"/></method><method name="GetGroupProperties"><arg type="ai" direction="in"/><arg type="as" direction="in"/><arg type="a(ia{sv})" direction="out"/></method><method name="GetProperty"><arg type="i" direction="in"/><arg type="s" direction="in"/><arg type="v" direction="out"/></method><method name="Event"><arg type="i" direction="in"/><arg type="s" direction="in"/><arg type="v" direction="in"/><arg type="u" direction="in"/></method><method name="EventGroup"><arg type="a(isvu)" direction="in"/><arg type="ai" direction="out"/></method><method name="AboutToShow"><arg type="i" direction="in"/><arg type="b" direction="out"/></method><method name="AboutToShowGroup"><arg type="ai" direction="in"/><arg type="ai" direction="out"/><arg type="ai" direction="out"/></method><property name="Version" type="u" access="read"/><property name="TextDirection" type="s" access="read"/><property name="Status" type="s" access="read"/><property name="IconThemePath" type="as" access="read"/><signal name="LayoutUpdated"><arg type="u"/><arg type="i"/></signal><signal name="ItemsPropertiesUpdated"><arg type="a(ia{sv})"/><arg type="a(ias)"/></signal></interface></node>`,
};

/**
 * Shows the tray: registers a StatusNotifierItem with the panel's watcher. Rejects (with why) when
 * there is no session bus or no StatusNotifierWatcher, so the daemon runs on without a tray.
 */
export async function openDbusTray<A extends string>(env: NodeJS.ProcessEnv, onAction: (action: A) => void, log: (line: string) => void, activate?: A): Promise<DbusTray<A>> {
  const conn = await DbusConnection.open('session', env);
  try {
    if (!(await conn.nameHasOwner(WATCHER))) throw new Error(`no tray here: nobody provides ${WATCHER} on the session bus (no panel with a system tray running?)`);
  } catch (e) {
    conn.close();
    throw e;
  }
  const v = (sig: string, value: unknown) => conn.variant(sig, value);
  let view: TrayView<A> | null = null;
  let tree = menuTree([]);
  let revision = 1;

  const statusOf = () => (view?.icon === 'due' ? 'NeedsAttention' : 'Active');
  const itemProps = (): Record<string, [string, unknown]> => ({
    Category: ['s', 'ApplicationStatus'],
    Id: ['s', 'sitwell'],
    Title: ['s', 'Sitwell'],
    Status: ['s', statusOf()],
    WindowId: ['i', 0],
    IconName: ['s', ''],
    IconPixmap: ['a(iiay)', pixmapsOf(view?.icon ?? 'ok')],
    AttentionIconName: ['s', ''],
    // None: the icon itself turns red when a prompt is due, and every pixmap byte costs the daemon to send.
    AttentionIconPixmap: ['a(iiay)', []],
    OverlayIconName: ['s', ''],
    ToolTip: ['(sa(iiay)ss)', ['', [], 'Sitwell', view?.tooltip ?? 'Sitwell']],
    ItemIsMenu: ['b', true],
    Menu: ['o', MENU_PATH],
  });
  const menuProps = (): Record<string, [string, unknown]> => ({
    Version: ['u', 3],
    TextDirection: ['s', 'ltr'],
    Status: ['s', 'normal'],
    IconThemePath: ['as', []],
  });
  const propsOf = (path: string) => (path === ITEM_PATH ? itemProps() : path === MENU_PATH ? menuProps() : null);
  const asVariants = (props: Record<string, [string, unknown]>, only?: string[]) =>
    Object.fromEntries(Object.entries(props).filter(([k]) => !only?.length || only.includes(k)).map(([k, [sig, val]]) => [k, v(sig, val)]));
  const layout = (node: MenuNode, depth: number, only: string[]): unknown[] => [
    node.id,
    asVariants(node.props, only),
    depth === 0 ? [] : node.children.map((c) => v('(ia{sv}av)', layout(c, depth - 1, only))),
  ];
  const click = (id: number) => {
    const action = tree.byId.get(id)?.action;
    if (action) onAction(action as A);
  };

  const handle = (call: IncomingCall): OutgoingReply | null => {
    if (call.path !== ITEM_PATH && call.path !== MENU_PATH) return null;
    const ok = (signature: string, body: unknown[]): OutgoingReply => ({ signature, body });
    if (call.iface === 'org.freedesktop.DBus.Introspectable' && call.member === 'Introspect') return ok('s', [INTROSPECT[call.path]!]);
    if (call.iface === PROPS) {
      const props = propsOf(call.path)!;
      if (call.member === 'GetAll') return ok('a{sv}', [asVariants(props)]);
      if (call.member === 'Get') {
        const p = props[call.body[1] as string];
        return p ? ok('v', [v(p[0], p[1])]) : { error: 'org.freedesktop.DBus.Error.UnknownProperty', text: `no property ${String(call.body[1])}` };
      }
      return null;
    }
    if (call.path === ITEM_PATH && call.iface === SNI) {
      // A left click opens the window (where a panel sends Activate instead of showing the menu).
      if (call.member === 'Activate' && activate) onAction(activate);
      return ['Activate', 'SecondaryActivate', 'ContextMenu', 'Scroll'].includes(call.member) ? ok('', []) : null;
    }
    if (call.path === MENU_PATH && call.iface === MENU) {
      switch (call.member) {
        case 'GetLayout': {
          const [parent, depth, names] = call.body as [number, number, string[]];
          const node = tree.byId.get(parent);
          if (!node) return { error: 'org.freedesktop.DBus.Error.InvalidArgs', text: `no menu entry ${parent}` };
          return ok('u(ia{sv}av)', [revision, layout(node, depth < 0 ? 99 : depth, names)]);
        }
        case 'GetGroupProperties': {
          const [ids, names] = call.body as [number[], string[]];
          const nodes = ids.length ? ids.map((i) => tree.byId.get(i)).filter((n) => n !== undefined) : [...tree.byId.values()];
          return ok('a(ia{sv})', [nodes.map((n) => [n.id, asVariants(n.props, names)])]);
        }
        case 'GetProperty': {
          const [id, name] = call.body as [number, string];
          const p = tree.byId.get(id)?.props[name];
          return p ? ok('v', [v(p[0], p[1])]) : { error: 'org.freedesktop.DBus.Error.InvalidArgs', text: `no property ${name} on ${id}` };
        }
        case 'Event': {
          const [id, eventId] = call.body as [number, string];
          if (eventId === 'clicked') click(id);
          return ok('', []);
        }
        case 'EventGroup': {
          const events = call.body[0] as [number, string][];
          for (const [id, eventId] of events) if (eventId === 'clicked') click(id);
          return ok('ai', [[]]);
        }
        case 'AboutToShow':
          return ok('b', [false]);
        case 'AboutToShowGroup':
          return ok('aiai', [[], []]);
      }
    }
    return null;
  };
  const unserve = conn.serve(handle);
  const busName = conn.uniqueName;
  try {
    await conn.call({ destination: WATCHER, path: '/StatusNotifierWatcher', iface: WATCHER, member: 'RegisterStatusNotifierItem', signature: 's', body: [busName] });
  } catch (e) {
    unserve();
    conn.close();
    throw e;
  }
  log(`tray: StatusNotifierItem ${busName}${ITEM_PATH} registered`);
  // Signals at most once a second (the latest view wins): a panel re-reads the whole menu at each, and
  // the minutes in it change once a minute; a burst of state changes should not cost a burst of traffic.
  let pending: TrayView<A> | null = null;
  let lastSent = 0;
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    if (!pending) return;
    const next = pending;
    pending = null;
    lastSent = Date.now();
    send(next);
  };
  const send = (next: TrayView<A>) => {
    const iconChanged = next.icon !== view?.icon;
    const menuChanged = JSON.stringify(next.items) !== JSON.stringify(view?.items);
    const tipChanged = next.tooltip !== view?.tooltip;
    view = next;
    if (menuChanged) {
      tree = menuTree(next.items);
      revision++;
      conn.emit(MENU_PATH, MENU, 'LayoutUpdated', 'ui', [revision, 0]);
    }
    if (iconChanged) {
      conn.emit(ITEM_PATH, SNI, 'NewIcon');
      conn.emit(ITEM_PATH, SNI, 'NewStatus', 's', [statusOf()]);
    }
    if (tipChanged) conn.emit(ITEM_PATH, SNI, 'NewToolTip');
  };
  return {
    busName,
    show(next) {
      pending = next;
      if (timer) return;
      const wait = lastSent + SIGNAL_GAP_MS - Date.now();
      if (wait <= 0) flush();
      else (timer = setTimeout(flush, wait)).unref();
    },
    close() {
      if (timer) clearTimeout(timer);
      unserve();
      conn.close();
    },
  };
}
