// Issue 11, items 7 and 11: npm run dev answers only this computer's browser (a page elsewhere
// that points its own host name at 127.0.0.1, DNS rebinding, is refused, and no other origin may
// read the event stream), and it follows content/ when the folder is moved away and back, or
// deleted and made again, without a restart.
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevSession, startDevSession } from '../../src/dev/dev-session.ts';
import { copyProject } from '../cli.ts';
import { listen } from '../events.ts';

interface Reply {
  status: number;
  type: string;
  body: string;
}

/** A GET with the headers given as they are (fetch would set Host itself). */
function get(port: number, urlPath: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers, setHost: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        // The event stream stays open: its first event is enough.
        if (res.headers['content-type']?.startsWith('text/event-stream') && body.includes('\n\n')) res.destroy();
      });
      res.on('close', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the dev server answers only local requests', () => {
  let session: DevSession;
  let port: number;

  beforeAll(async () => {
    session = await startDevSession({ projectDir: await copyProject(), port: 0, log: () => undefined, searchDelayMs: 60_000 });
    port = session.port;
  });
  afterAll(() => session.close());

  it.each([(p: number) => `127.0.0.1:${p}`, (p: number) => `localhost:${p}`, (p: number) => `LOCALHOST:${p}`, (p: number) => `[::1]:${p}`])(
    'serves pages to Host %s',
    async (host) => {
      const reply = await get(port, '/lldt/2019/09/', { host: host(port) });
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('masthead');
    },
  );

  it.each([
    ['another name', (p: number) => `evil.example:${p}`],
    ['another name, the default port', () => 'evil.example'],
    ['a name that points here by DNS', (p: number) => `rebind.127.0.0.1.nip.io:${p}`],
    ['a local name under another domain', (p: number) => `localhost.evil.example:${p}`],
    ['the address without its port', () => '127.0.0.1'],
    ['the address with another port', (p: number) => `127.0.0.1:${p + 1}`],
    ['another loopback address', (p: number) => `127.0.0.2:${p}`],
    ['the address in another notation', (p: number) => `2130706433:${p}`],
    ['the address with a trailing dot', (p: number) => `localhost.:${p}`],
    ['user info', (p: number) => `x@127.0.0.1:${p}`],
    ['an empty Host', () => ''],
  ])('refuses Host of %s with 403', async (_, host) => {
    for (const urlPath of ['/lldt/2019/09/', '/', '/__dev/events', '/__dev/live-reload.js', '/lldt/nowhere']) {
      const reply = await get(port, urlPath, { host: host(port) });
      expect([urlPath, reply.status]).toEqual([urlPath, 403]);
      expect(reply.body).not.toContain('masthead');
    }
  });

  it('refuses a request with no Host at all (HTTP/1.0)', async () => {
    const { connect } = await import('node:net');
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /lldt/2019/09/ HTTP/1.0\r\n\r\n'));
      socket.on('data', (chunk) => (text += String(chunk)));
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.[01] 403/);
  });

  /** What the server answers to this raw request line, sent as it is. */
  const rawAnswer = async (requestLine: string) => {
    const { connect } = await import('node:net');
    return new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(port, '127.0.0.1', () => socket.write(`${requestLine}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
      socket.on('data', (chunk) => (text += String(chunk)));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
  };

  // Issue 23, class 8: a request line that is no URL must not stop the preview.
  it.each([
    ['a path of two slashes', 'GET // HTTP/1.1', 400],
    ['a path of two slashes and a host', 'GET //evil.example/x HTTP/1.1', 400],
    ['a scheme and an unclosed IPv6 host', 'GET http://[::1 HTTP/1.1', 400],
    ['an asterisk', 'OPTIONS * HTTP/1.1', 404],
    ['a broken percent escape', 'GET /lldt/%E0%A4%A/ HTTP/1.1', 404],
    ['a lone surrogate escaped', 'GET /lldt/%ED%A0%80 HTTP/1.1', 404],
    ['a path with a space', 'GET /lldt/a b HTTP/1.1', 400],
    ['an unknown method', 'BREW /lldt/ HTTP/1.1', 200],
  ])('answers %s and keeps serving', async (_, line, status) => {
    const answer = await rawAnswer(line);
    expect(answer.slice(0, 12)).toMatch(/^HTTP\/1\.1 \d{3}$/);
    expect(Number(answer.slice(9, 12))).toBeLessThanOrEqual(Math.max(status, 404));
    expect(answer).not.toMatch(/\n\s+at /);
    const after = await get(port, '/lldt/2019/09/', { host: `127.0.0.1:${port}` });
    expect(after.status).toBe(200);
  });

  it.each([
    ['no Origin (the page\u2019s own EventSource)', {}],
    ['its own origin', { origin: 'http://127.0.0.1:PORT', 'sec-fetch-site': 'same-origin' }],
    ['its own origin, named localhost', { origin: 'http://localhost:PORT' }],
    ['a request typed into the address bar', { 'sec-fetch-site': 'none' }],
  ])('opens the event stream to %s', async (_, headers) => {
    const reply = await get(port, '/__dev/events', { host: `localhost:${port}`, ...withPort(headers, port) });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('event: problems');
  });

  it.each([
    ['another origin', { origin: 'http://evil.example' }],
    ['another port of this computer', { origin: 'http://127.0.0.1:1' }],
    ['https on this port', { origin: 'https://127.0.0.1:PORT' }],
    ['the null origin (a sandboxed frame, a file)', { origin: 'null' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site fetch from another port', { 'sec-fetch-site': 'same-site' }],
    ['its own origin, but a cross-site fetch', { origin: 'http://127.0.0.1:PORT', 'sec-fetch-site': 'cross-site' }],
  ])('refuses the event stream to %s', async (_, headers) => {
    const reply = await get(port, '/__dev/events', { host: `127.0.0.1:${port}`, ...withPort(headers, port) });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('event:');
  });
});

function withPort(headers: Record<string, string>, port: number): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(port))]));
}

describe('the dev server follows content/ when it goes away and comes back', () => {
  let dir: string;
  let session: DevSession;
  let events: ReturnType<typeof listen>;
  const page = async (urlPath: string) => {
    const res = await fetch(new URL(urlPath, session.url));
    return { status: res.status, text: await res.text() };
  };
  const gone = (problems: { file: string }[]) => problems.some((p) => p.file === 'content/site.yml');
  const back = (problems: { file: string }[]) => problems.length === 0;

  beforeAll(async () => {
    dir = await copyProject();
    session = await startDevSession({ projectDir: dir, port: 0, log: () => undefined, searchDelayMs: 60_000 });
    events = listen(new URL('/__dev/events', session.url).href);
    expect((await events.next('problems')).data).toEqual([]);
  });
  afterAll(async () => {
    events.close();
    await session.close();
  });

  it('moved away and back, with an edit made while it was away', async () => {
    const content = path.join(dir, 'content');
    await rename(content, path.join(dir, 'content.away'));
    await events.problems(gone);
    const issue = path.join(dir, 'content.away', '2019', '09.md');
    await writeFile(issue, (await readFile(issue, 'utf8')).replace('各地坚持抓好', '各地移走后坚持抓好'));
    await rename(path.join(dir, 'content.away'), content);
    await events.problems(back);
    expect((await page('2019/09/')).text).toContain('各地移走后坚持抓好');
    // And saves are seen again.
    await writeFile(
      path.join(content, '2019', '09.md'),
      (await readFile(path.join(content, '2019', '09.md'), 'utf8')).replace('各地移走后坚持抓好', '各地又一次坚持抓好'),
    );
    await expect.poll(async () => (await page('2019/09/')).text, { timeout: 10_000 }).toContain('各地又一次坚持抓好');
  });

  it('deleted and made again from a copy', async () => {
    const content = path.join(dir, 'content');
    const copy = path.join(dir, 'content.copy');
    await cp(content, copy, { recursive: true });
    await rm(content, { recursive: true });
    await events.problems(gone);
    await mkdir(content);
    await cp(copy, content, { recursive: true });
    await events.problems(back);
    const issue = path.join(content, '2019', '10.md');
    await writeFile(issue, (await readFile(issue, 'utf8')).replace('title:', 'title: 重建后'));
    await expect.poll(async () => (await page('2019/10/')).text, { timeout: 10_000 }).toContain('重建后');
  });

  it('a year folder moved away and back', async () => {
    const year = path.join(dir, 'content', '2019');
    await rename(year, path.join(dir, '2019.away'));
    await expect.poll(async () => (await page('2019/09/')).status, { timeout: 10_000 }).toBe(404);
    await rename(path.join(dir, '2019.away'), year);
    await expect.poll(async () => (await page('2019/09/')).status, { timeout: 10_000 }).toBe(200);
    const issue = path.join(year, '09.md');
    await writeFile(issue, (await readFile(issue, 'utf8')).replace('坚持抓好', '年份回来后坚持抓好'));
    await expect.poll(async () => (await page('2019/09/')).text, { timeout: 10_000 }).toContain('年份回来后坚持抓好');
  });
});
