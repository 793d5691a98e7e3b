// A task of the worker pool (workers/pool.ts): renders a batch of issue files, and gives back
// what it made of each, in their order.
import type { Site } from '../model/site.ts';
import { type IssueText, renderIssueFile } from './render-issue-file.ts';
import type { RenderedFile } from './rendered-file.ts';

export interface RenderBatch {
  files: IssueText[];
  site: Site;
}

export default function renderBatch({ files, site }: RenderBatch): RenderedFile[] {
  return files.map((file) => renderIssueFile(file, site));
}
