import { describe, expect, it } from 'vitest';
import { controlAddress, historyKey, MAX_SOCKET_PATH_BYTES } from '../../main/platform/controlPath.js';

const user = { uid: 1000, name: 'ada' };

describe('the control channel address', () => {
  it('is a socket in $XDG_RUNTIME_DIR/sitwell, named for the history', () => {
    const a = controlAddress('/home/ada/.local/share/sitwell/sitwell.db', { env: { XDG_RUNTIME_DIR: '/run/user/1000', HOME: '/home/ada' }, platform: 'linux', user });
    expect(a.dir).toBe('/run/user/1000/sitwell');
    expect(a.path).toMatch(/^\/run\/user\/1000\/sitwell\/control-[0-9a-f]{16}\.sock$/);
  });

  it('gives two histories two sockets and one history (however it is spelled) one', () => {
    const env = { XDG_RUNTIME_DIR: '/run/user/1000' };
    const a = controlAddress('/data/a.db', { env, platform: 'linux', user });
    const b = controlAddress('/data/b.db', { env, platform: 'linux', user });
    const a2 = controlAddress('/data/x/../a.db', { env, platform: 'linux', user });
    expect(a.path).not.toBe(b.path);
    expect(a2.path).toBe(a.path);
    expect(historyKey('relative.db')).toBe(historyKey(`${process.cwd()}/relative.db`));
  });

  it('without a runtime directory uses a private directory under the data directory', () => {
    const a = controlAddress('/data/a.db', { env: { XDG_DATA_HOME: '/home/ada/.local/share' }, platform: 'linux', user });
    expect(a.dir).toBe('/home/ada/.local/share/sitwell/run');
    // A relative XDG_RUNTIME_DIR is invalid by the spec and ignored.
    expect(controlAddress('/data/a.db', { env: { XDG_RUNTIME_DIR: 'run', XDG_DATA_HOME: '/d' }, platform: 'linux', user }).dir).toBe('/d/sitwell/run');
  });

  it('falls back to a short per-user directory in the temp directory when the socket path would be too long for the OS', () => {
    const long = `/home/${'x'.repeat(90)}`;
    const a = controlAddress('/data/a.db', { env: { XDG_DATA_HOME: long }, platform: 'linux', user, tmp: '/tmp' });
    expect(a.dir).toBe('/tmp/sitwell-1000');
    expect(Buffer.byteLength(a.path)).toBeLessThanOrEqual(MAX_SOCKET_PATH_BYTES);
  });

  it('on macOS (path logic only, a stand-in for the real OS) lives under Application Support', () => {
    const a = controlAddress('/Users/ada/x.db', { env: {}, platform: 'darwin', user });
    expect(a.dir).toMatch(/Library\/Application Support\/Sitwell\/run$/);
  });

  it('on Windows (path logic only, a stand-in for the real OS) is a named pipe per user and per history, case-insensitive', () => {
    const a = controlAddress('C:\\Users\\Ada\\AppData\\Roaming\\Sitwell\\sitwell.db', { env: {}, platform: 'win32', user });
    const same = controlAddress('c:\\users\\ada\\appdata\\roaming\\sitwell\\SITWELL.DB', { env: {}, platform: 'win32', user });
    const otherUser = controlAddress('C:\\Users\\Ada\\AppData\\Roaming\\Sitwell\\sitwell.db', { env: {}, platform: 'win32', user: { uid: -1, name: 'bob' } });
    expect(a.dir).toBeNull();
    expect(a.path).toMatch(/^\\\\\.\\pipe\\sitwell-[0-9a-f]{8}-[0-9a-f]{16}$/);
    expect(same.path).toBe(a.path);
    expect(otherUser.path).not.toBe(a.path);
  });
});
