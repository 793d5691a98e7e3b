// vitest's globalSetup: what several test files only read, made once per run when first asked
// for, and shared by every test worker: one Chromium (a playwright browser server) and built
// sites. Workers ask for them by name over HTTP on 127.0.0.1 (test/shared.ts); the answer comes
// when the thing is ready, so nobody waits on a clock.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { writeCorpus } from '../bench/corpus.ts';
import { LAUNCH_OPTIONS } from '../src/pdf/chromium.ts';
import { build } from './build.ts';
import { archiveCorpus, SAMPLE_DIR, TEMPLATES_DIR } from './site.ts';

export type SharedName = keyof typeof MAKERS;

let runDir: string;
const closing: (() => Promise<void>)[] = [];

/** The last build asked for: builds here run one at a time, since Pagefind's Node API has one
 * backend per process, which each finished search index closes. */
let lastBuild: Promise<unknown> = Promise.resolve();

/** Builds a project into a folder of the run; its path. */
function builtSite(projectDir: string, name: string): Promise<string> {
  const outDir = path.join(runDir, name);
  const built = lastBuild.then(async () => {
    const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, outDir, write: true });
    if (!result.ok) throw new Error(`the shared site ${name} did not build`);
    return outDir;
  });
  lastBuild = built.catch(() => undefined);
  return built;
}

/** Each shared thing, as the string a worker needs to use it. */
const MAKERS = {
  /** The websocket address of the run's Chromium. */
  browser: async () => {
    const server = await chromium.launchServer(LAUNCH_OPTIONS);
    closing.push(() => server.close());
    return server.wsEndpoint();
  },
  /** The sample site (test/fixtures/sample, never the project's own content/), built. */
  'sample-site': async () => {
    const projectDir = path.join(runDir, 'sample-project');
    await cp(path.join(SAMPLE_DIR, 'content'), path.join(projectDir, 'content'), { recursive: true });
    return builtSite(projectDir, 'sample-site');
  },
  /** The generated archive (archiveCorpus()), built. */
  archive: async () => {
    const projectDir = path.join(runDir, 'archive-project');
    await writeCorpus(projectDir, await archiveCorpus());
    return builtSite(projectDir, 'archive');
  },
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  runDir = await mkdtemp(path.join(tmpdir(), 'lldt-shared-'));
  const made = new Map<string, Promise<string>>();
  const server = createServer((request, response) => {
    // One request a connection: a kept-alive one could be closed for idleness just as a worker
    // sends its next request, when a build here has held up the event loop.
    response.shouldKeepAlive = false;
    const name = request.url!.slice(1);
    if (!Object.hasOwn(MAKERS, name)) return response.writeHead(404).end(`no shared thing named ${name}`);
    if (!made.has(name)) made.set(name, MAKERS[name as SharedName]());
    made.get(name)!.then(
      (value) => response.end(value),
      (error: Error) => response.writeHead(500).end(error.stack ?? String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('sharedUrl', `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);

  return async () => {
    server.close();
    server.closeAllConnections();
    await Promise.allSettled(made.values());
    await Promise.all(closing.map((close) => close()));
    await rm(runDir, { recursive: true, force: true });
  };
}
