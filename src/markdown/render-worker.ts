// One worker of the Markdown rendering (see render-in-workers.ts): renders the issue files it
// is sent, and sends back what it made of each.
import { parentPort, workerData } from 'node:worker_threads';
import type { Site } from '../model/site.ts';
import { type IssueText, renderIssueFile } from './render-issue-file.ts';

const { site } = workerData as { site: Site };
const port = parentPort!;

port.on('message', (files: IssueText[]) => {
  port.postMessage(files.map((file) => renderIssueFile(file, site)));
  port.close();
});
