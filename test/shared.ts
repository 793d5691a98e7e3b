// What test files share within a run (made by shared-setup.ts, vitest's globalSetup): one
// Chromium, the sample site built once, and the generated archive built once. Only for
// tests that read them: a test that changes a site builds its own copy.
import { get } from 'node:http';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import type { SharedName } from './shared-setup.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedUrl: string;
  }
}

/** Asks for a shared thing; the answer may take minutes on a busy machine, so with no time limit (fetch's is 5 minutes). */
function shared(name: SharedName): Promise<string> {
  return new Promise((resolve, reject) => {
    get(new URL(name, inject('sharedUrl')), (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`the shared ${name} could not be made:\n${text}`))));
    }).on('error', reject);
  });
}

/** The run's Chromium; close() closes this file's pages and leaves the browser to the others. */
export async function sharedBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.connect(await shared('browser'));
}

/** The folder of the sample site (test/fixtures/sample), built. Read it, never write to it. */
export const sampleSite = () => shared('sample-site');

/** The folder of the generated archive (archiveCorpus() in site.ts), built. Read it, never write to it. */
export const archiveSite = () => shared('archive');
