// One worker of the import (see worker-pool.ts): imports the files it is sent, one at a time,
// until it is told to close.
import { parentPort, workerData } from 'node:worker_threads';
import type { Site } from '../model/site.ts';
import { type ImportResult, importFile } from './import-file.ts';
import { removeProfile } from './office.ts';
import type { Done, Job } from './worker-pool.ts';

// pdf.js inflates each compressed stream of a PDF through DecompressionStream when there is one;
// in Node that costs more than the inflating for the hundreds of small streams of a printed
// issue (the fonts' glyphs), and pdf.js's own inflate, which it uses without it, takes half the time.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

const { site } = workerData as { site: Site };
const port = parentPort!;

port.on('message', async (message: Job | 'close') => {
  if (message === 'close') {
    await removeProfile();
    port.close();
    return;
  }
  let result: ImportResult;
  try {
    result = await importFile(message.file, site);
  } catch (error) {
    result = { ok: false, reason: `读取这个文件时程序出错（${(error as Error).message}）：这是程序的问题，请把这个文件发给维护人员` };
  }
  port.postMessage({ index: message.index, result } satisfies Done);
});
