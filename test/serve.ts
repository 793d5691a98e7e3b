// A static file server on 127.0.0.1 for tests and screenshots: serves a folder as a host would,
// index.html for folders, 404.html for what is missing, optionally under a sub-path, and with the
// validators every common host sends (ETag, Last-Modified) when asked.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentTypeOf, fileForUrl } from '../src/model/output.ts';

export interface StaticServer {
  url: string;
  /** Paths requested, in order. */
  requests: string[];
  /** What was answered to each request, in order: its path, status and the bytes of the body sent. */
  sent: { path: string; status: number; bytes: number }[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Sends an ETag and Last-Modified with each file, and 304 without the file when the browser's copy
   * is current, as nginx, Apache, IIS and GitHub Pages do. Without, a file fetched again is sent again.
   */
  validators?: boolean;
}

export async function serveDirectory(
  dir: string,
  basePath = '/',
  headers: Record<string, string> = {},
  { validators = false }: ServeOptions = {},
): Promise<StaticServer> {
  const root = path.resolve(dir);
  const requests: string[] = [];
  const sent: StaticServer['sent'] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const send = async (file: string, status: number) => {
      const { size, mtime } = await stat(file);
      const tag = `"${size.toString(16)}-${Math.floor(mtime.getTime() / 1000).toString(16)}"`;
      const cached = validators && status === 200 && req.headers['if-none-match'] === tag;
      const withValidators = validators && status === 200 ? { etag: tag, 'last-modified': mtime.toUTCString() } : {};
      sent.push({ path: url.pathname, status: cached ? 304 : status, bytes: cached ? 0 : size });
      res.writeHead(cached ? 304 : status, { ...headers, ...withValidators, 'content-type': contentTypeOf(file) });
      if (cached) res.end();
      else createReadStream(file).pipe(res);
    };
    const notFound = async () => {
      const page = path.join(root, '404.html');
      const exists = await stat(page).then(
        () => true,
        () => false,
      );
      if (exists) await send(page, 404);
      else {
        sent.push({ path: url.pathname, status: 404, bytes: 0 });
        res.writeHead(404).end();
      }
    };
    const relative = fileForUrl(url.pathname, basePath);
    if (relative === undefined) return notFound();
    let file = path.join(root, relative);
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      await stat(file);
      await send(file, 200);
    } catch {
      await notFound();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
