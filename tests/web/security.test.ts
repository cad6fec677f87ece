import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as CSP } from '../../shared/contentSecurityPolicy.js';
import { callHttp, dbSnapshot, rawRequest, startHarness, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('local web mode: who may talk to it', () => {
  it('answers a call that carries the token', async () => {
    const r = await callHttp(h, 'getInfo', {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, value: { mode: 'web', tracking: false, version: '0.0.0-test' } });
  });

  it('refuses calls without the token, with a wrong one, or with the token only in the query or a cookie (401)', async () => {
    const before = dbSnapshot(h.home.dbPath);
    const attempts: [string, Record<string, string>][] = [
      [`${h.base}/api/call/updateSettings`, {}],
      [`${h.base}/api/call/updateSettings`, { 'x-sitwell-token': 'wrong' }],
      [`${h.base}/api/call/updateSettings`, { 'x-sitwell-token': h.token.slice(0, -1) }],
      [`${h.base}/api/call/updateSettings`, { 'x-sitwell-token': `${h.token}x` }],
      [`${h.base}/api/call/updateSettings?token=${h.token}`, {}],
      [`${h.base}/api/call/updateSettings`, { cookie: `sitwell_token_${h.port}=${h.token}` }],
    ];
    for (const [url, headers] of attempts) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"sitLimitMinutes":45}' });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dbSnapshot(h.home.dbPath)).toBe(before);
  });

  it('refuses the page and the event stream without the token (401), serves them with it', async () => {
    expect((await fetch(`${h.base}/`)).status).toBe(401);
    expect((await fetch(`${h.base}/?token=nope`)).status).toBe(401);
    expect((await fetch(`${h.base}/assets/app.js`)).status).toBe(401);
    const events = await fetch(`${h.base}/api/events`);
    expect(events.status).toBe(401);
    expect((await fetch(`${h.base}/api/events?token=nope`)).status).toBe(401);

    const page = await fetch(`${h.base}/?token=${h.token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sitwell test page');
    // The page's own scripts come back with the cookie the tokened page load set.
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    expect(page.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict; Path=\//);
    const asset = await fetch(`${h.base}/assets/app.js`, { headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('puts no API-capable secret in a cookie: the asset cookie opens the page files only (cookies reach every local port)', async () => {
    const page = await fetch(`${h.base}/?token=${h.token}`);
    const setCookie = page.headers.get('set-cookie')!;
    expect(setCookie).not.toContain(h.token);
    const cookie = setCookie.split(';')[0]!;
    // Another server on 127.0.0.1 receives this cookie; with it alone nothing can be called or read.
    const call = await fetch(`${h.base}/api/call/getInfo`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' });
    expect(call.status).toBe(401);
    const stream = await fetch(`${h.base}/api/events`, { headers: { cookie } });
    expect(stream.status).toBe(401);
    const value = cookie.slice(cookie.indexOf('=') + 1);
    const withValue = await fetch(`${h.base}/api/call/getInfo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sitwell-token': value }, body: '{}' });
    expect(withValue.status).toBe(401);
    expect((await fetch(`${h.base}/api/events?token=${encodeURIComponent(value)}`)).status).toBe(401);
  });

  it('closes the connection after a refusal instead of reading the rest of the body', async () => {
    const refusals: Record<string, string>[] = [{}, { origin: 'http://evil.example', 'x-sitwell-token': h.token }];
    for (const headers of refusals) {
      const r = await rawRequest(h.port, {
        method: 'POST',
        path: '/api/call/importHistory',
        headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024), ...headers },
        body: undefined,
        streamForever: true,
      });
      expect([401, 403]).toContain(r.status);
      expect(r.headers.connection).toBe('close');
      expect(r.socketClosed).toBe(true);
    }
  });

  it('refuses a foreign Origin (403), allows its own', async () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', `http://127.0.0.1:${h.port}.evil.example`, 'null', `https://127.0.0.1:${h.port}`]) {
      const r = await callHttp(h, 'getInfo', {}, { origin });
      expect(r.status, origin).toBe(403);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const page = await fetch(`${h.base}/?token=${h.token}`, { headers: { origin: 'http://evil.example' } });
    expect(page.status).toBe(403);
    for (const origin of [`http://127.0.0.1:${h.port}`, `http://localhost:${h.port}`]) {
      expect((await callHttp(h, 'getInfo', {}, { origin })).status).toBe(200);
    }
  });

  it('refuses a foreign Host header, as DNS rebinding sends it (421)', async () => {
    for (const host of ['evil.example', `evil.example:${h.port}`, `127.0.0.1:${h.port + 1}`, `127.0.0.1`, `[::1]:${h.port}`, `0.0.0.0:${h.port}`]) {
      const r = await rawRequest(h.port, {
        method: 'POST',
        path: '/api/call/getInfo',
        headers: { host, 'content-type': 'application/json', 'x-sitwell-token': h.token },
        body: '{}',
      });
      expect(r.status, host).toBe(421);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const ok = await rawRequest(h.port, {
      method: 'POST',
      path: '/api/call/getInfo',
      headers: { host: `localhost:${h.port}`, 'content-type': 'application/json', 'x-sitwell-token': h.token },
      body: '{}',
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a body over 64 KB (413) and writes nothing', async () => {
    const before = dbSnapshot(h.home.dbPath);
    const note = 'x'.repeat(70 * 1024);
    const r = await callHttp(h, 'addCheckIn', { soreness: 3, areas: [], redFlags: {}, note });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // Much larger: still a clean 413, not a dropped connection.
    const big = await callHttp(h, 'addCheckIn', `{"note":"${'y'.repeat(2 * 1024 * 1024)}"}`);
    expect(big.status).toBe(413);
    expect(dbSnapshot(h.home.dbPath)).toBe(before);
    // And the server still answers.
    expect((await callHttp(h, 'getInfo', {})).status).toBe(200);
  });

  it('answers an unknown method with a typed error', async () => {
    for (const m of ['nope', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const r = await callHttp(h, m, {});
      expect(r.status, m).toBe(404);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
    const weird = await rawRequest(h.port, { method: 'POST', path: '/api/call/__proto__', headers: { 'content-type': 'application/json', 'x-sitwell-token': h.token }, body: '{}' });
    expect(weird.status).toBe(404);
    expect(JSON.parse(weird.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('refuses other methods, content types and malformed JSON with typed errors', async () => {
    const get = await fetch(`${h.base}/api/call/getInfo`, { headers: { 'x-sitwell-token': h.token } });
    expect(get.status).toBe(405);
    const form = await fetch(`${h.base}/api/call/getInfo`, { method: 'POST', headers: { 'x-sitwell-token': h.token, 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const bad = await callHttp(h, 'getInfo', '{"a":');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const put = await fetch(`${h.base}/?token=${h.token}`, { method: 'PUT' });
    expect(put.status).toBe(405);
    const options = await fetch(`${h.base}/api/call/getInfo`, { method: 'OPTIONS', headers: { 'x-sitwell-token': h.token } });
    expect(options.status).toBe(405);
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends the CSP and the other protective headers on pages and calls', async () => {
    for (const res of [await fetch(`${h.base}/?token=${h.token}`), await fetch(`${h.base}/api/call/getInfo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sitwell-token': h.token }, body: '{}' }), await fetch(`${h.base}/`)]) {
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(\)(,|$)/);
      expect(res.headers.get('permissions-policy')).toMatch(/(^|, )microphone=\(\)(,|$)/);
      expect(res.headers.get('permissions-policy')).toMatch(/(^|, )geolocation=\(\)(,|$)/);
    }
    // The page was fetched with the token in its address: no copy of it may be kept.
    expect((await fetch(`${h.base}/?token=${h.token}`)).headers.get('cache-control')).toBe('no-store');
    expect(CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});

describe('local web mode: static files', () => {
  const traversals = [
    '/../secret.txt',
    '/../package.json',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e/secret.txt',
    '//etc/passwd',
    '/%00/../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/.%2e/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
  ];
  for (const path of traversals) {
    it(`refuses path traversal ${path}`, async () => {
      const r = await rawRequest(h.port, { path: `${path}?token=${h.token}` });
      expect([400, 403, 404]).toContain(r.status);
      expect(r.body).not.toContain('TOP-SECRET');
      expect(r.body).not.toContain('root:');
      expect(r.body).not.toContain('"name": "sitwell"');
    });
  }

  it('serves the app files with their content types and the index for app views', async () => {
    const q = `?token=${h.token}`;
    const css = await fetch(`${h.base}/assets/style.css${q}`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const view = await fetch(`${h.base}/stats${q}`);
    expect(view.status).toBe(200);
    expect(await view.text()).toContain('Sitwell test page');
    expect((await fetch(`${h.base}/assets/missing.js${q}`)).status).toBe(404);
  });
});

describe('local web mode: network exposure', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(h.server.address).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: h.port });
    expect(h.server.url.startsWith(`http://127.0.0.1:${h.port}/?token=`)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a): a is NonNullable<typeof a> => !!a && a.family === 'IPv4' && !a.internal)
      .map((a) => a.address);
    if (others.length === 0) console.log('no non-loopback IPv4 interface on this machine: only the bound address is checked');
    for (const address of others) {
      const reached = await new Promise<boolean>((resolve) => {
        const s = connect({ host: address, port: h.port });
        s.setTimeout(2000, () => {
          s.destroy();
          resolve(false);
        });
        s.on('connect', () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
      expect(reached, `reachable on ${address}`).toBe(false);
    }
    const v6 = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '::1', port: h.port });
      s.on('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    expect(v6).toBe(false);
  });
});
