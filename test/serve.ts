// A static file server on 127.0.0.1 for tests and screenshots: serves a folder as a host would,
// index.html for folders, 404.html for what is missing, optionally under a sub-path.
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
  close(): Promise<void>;
}

export async function serveDirectory(dir: string, basePath = '/', headers: Record<string, string> = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const send = async (file: string, status: number) => {
      res.writeHead(status, { ...headers, 'content-type': contentTypeOf(file) });
      createReadStream(file).pipe(res);
    };
    const notFound = async () => {
      const page = path.join(root, '404.html');
      const exists = await stat(page).then(
        () => true,
        () => false,
      );
      if (exists) await send(page, 404);
      else res.writeHead(404).end();
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
