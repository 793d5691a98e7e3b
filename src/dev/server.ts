// The dev server: serves the site from memory on 127.0.0.1 under its base path, with the
// live-reload script added to each page, and tells browsers over Server-Sent Events when pages
// change (reload) and what the content's errors are (problems).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEV_ANSWERS } from '../messages/catalogue.ts';
import { DEV_SESSION } from '../messages/commands.ts';
import { contentTypeOf, lookUp, pageUrlPath, type SiteOutput } from '../model/output.ts';
import { isLocalHost, isSameOrigin } from './local-only.ts';

export const EVENTS_PATH = '/__dev/events';
const CLIENT_PATH = '/__dev/live-reload.js';
const CLIENT = readFileSync(path.join(import.meta.dirname, 'live-reload.js'));
const CLIENT_TAG = `<script src="${CLIENT_PATH}"></script>`;

/** A problem as the browser overlay shows it. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** What the server serves: the site in memory, under its base path. */
export interface ServedSite {
  output: SiteOutput;
  /** The path the site lives under (/lldt/), which a change to site.yml may change. */
  basePath: () => string;
}

export interface DevServer {
  /** http://127.0.0.1:<port><base path> */
  url: string;
  port: number;
  /** Tells browsers showing these output paths (or any, with '*') to reload. */
  reload(outputPaths: readonly string[]): void;
  /** Shows these problems over every open page; none removes the overlay. */
  setProblems(problems: readonly Problem[]): void;
  close(): Promise<void>;
}

/** The page shown when there is no site yet: the errors that keep it from being built are in the overlay. */
const NO_SITE = DEV_SESSION.noSitePage;

/** The answer to a request that does not come from this computer's browser (local-only.ts). */
const REFUSED = '预览只回答本机浏览器的请求：请在本机用 http://127.0.0.1:端口/ 或 http://localhost:端口/ 打开';

function withClient(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + CLIENT_TAG : `${html.slice(0, at)}${CLIENT_TAG}\n${html.slice(at)}`;
}

/** The browsers listening for events (EVENTS_PATH), and the problems the last of them were told. */
class EventStreams {
  private readonly clients = new Set<ServerResponse>();
  private problems: readonly Problem[] = [];

  private send(client: ServerResponse, event: string, data: unknown): void {
    client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  connect(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    this.send(res, 'problems', this.problems);
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  broadcast(event: 'reload' | 'problems', data: unknown): void {
    for (const client of this.clients) this.send(client, event, data);
  }

  setProblems(list: readonly Problem[]): void {
    this.problems = list;
    this.broadcast('problems', list);
  }

  close(): void {
    for (const client of this.clients) client.end();
  }
}

/** A file of the site, a redirect to its address under the base path, the 404 page, or the page for no site yet. */
function answerFromSite(site: ServedSite, url: URL, res: ServerResponse) {
  const reply = (status: number, key: string, content: string | Uint8Array) => {
    const type = contentTypeOf(key);
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(type.startsWith('text/html') ? withClient(String(content)) : content);
  };
  const { output } = site;
  const basePath = site.basePath();
  if (url.pathname === '/' && basePath !== '/') {
    res.writeHead(302, { location: basePath }).end();
    return;
  }
  const found = lookUp(output, url.pathname, basePath);
  if (found && 'file' in found) return reply(200, found.file, output.get(found.file)!);
  if (found) {
    res.writeHead(301, { location: found.redirect }).end();
    return;
  }
  // No home page: no site yet (the search index, made in the background, may be there alone).
  if (!output.has('index.html')) return reply(503, 'index.html', NO_SITE);
  reply(404, '404.html', output.get('404.html') ?? '<!DOCTYPE html><title>404</title>');
}

/** Answers a request: refused when not from this computer's browser, else the events, the live-reload script or the site. */
function answer(site: ServedSite, events: EventStreams, port: number, req: IncomingMessage, res: ServerResponse): void {
  if (!isLocalHost(req, port)) {
    res.writeHead(403, { 'content-type': contentTypeOf('.txt') }).end(REFUSED);
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === EVENTS_PATH) {
    if (!isSameOrigin(req, port)) {
      res.writeHead(403, { 'content-type': contentTypeOf('.txt') }).end(REFUSED);
      return;
    }
    events.connect(req, res);
    return;
  }
  if (url.pathname === CLIENT_PATH) {
    res.writeHead(200, { 'content-type': contentTypeOf(CLIENT_PATH), 'cache-control': 'no-store' });
    res.end(CLIENT);
    return;
  }
  answerFromSite(site, url, res);
}

/**
 * Every request gets an answer, whatever it raises: a request line that is no URL (//, a bad
 * %-escape) is the browser's or a page's mistake (400), anything else a bug of the preview (500);
 * neither stops the server, which a web page the editor has open could otherwise do.
 */
function createAnsweringServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      const malformed = error instanceof URIError || (error as NodeJS.ErrnoException).code === 'ERR_INVALID_URL';
      if (!malformed) console.error(error);
      if (res.headersSent) res.destroy();
      else res.writeHead(malformed ? 400 : 500, { 'content-type': contentTypeOf('.txt') }).end(malformed ? DEV_ANSWERS.badRequest : DEV_ANSWERS.failed);
    }
  });
  // A request the HTTP parser cannot read at all: answered 400 rather than dropped.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

/** Listens on 127.0.0.1 (port 0: any free port); the port listened on. */
async function listen(server: Server, requestedPort: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export async function startDevServer(site: ServedSite, requestedPort: number): Promise<DevServer> {
  const events = new EventStreams();
  let port = requestedPort;
  const server = createAnsweringServer((req, res) => answer(site, events, port, req, res));
  port = await listen(server, requestedPort);
  const urlPath = (key: string) => `${site.basePath()}${pageUrlPath(key)}`;
  return {
    url: `http://127.0.0.1:${port}${site.basePath()}`,
    port,
    reload(outputPaths) {
      const pages = outputPaths.includes('*') || outputPaths.some((p) => p.startsWith('assets/')) ? ['*'] : outputPaths.map(urlPath);
      events.broadcast('reload', { pages });
    },
    setProblems(list) {
      events.setProblems(list);
    },
    close() {
      events.close();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
