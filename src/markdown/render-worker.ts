// One worker of the Markdown rendering (see render-in-workers.ts): renders the batches of issue
// files it is sent, sending back what it made of each, until it is told to close.
import { parentPort, workerData } from 'node:worker_threads';
import type { Site } from '../model/site.ts';
import { type IssueText, renderIssueFile } from './render-issue-file.ts';

const { site } = workerData as { site: Site };
const port = parentPort!;

port.on('message', (files: IssueText[] | 'close') => {
  if (files === 'close') port.close();
  else port.postMessage(files.map((file) => renderIssueFile(file, site)));
});
