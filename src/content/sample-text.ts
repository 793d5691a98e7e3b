// The sample text `npm run new` writes (new-issue/skeleton.ts) marks every line an editor is to
// write over with the same words, SAMPLE_MARK. An issue that is no longer a draft is published, so
// a line still holding them is an error at that line: the sample must never reach the site.
import type { VFile } from 'vfile';
import { CONTENT } from '../messages/catalogue.ts';
import { report } from '../messages.ts';

/** The words every line of the sample text holds, and nothing an issue says otherwise. */
export const SAMPLE_MARK = '在这里写';

/** An error at each line of a published issue that still holds the sample text. */
export function reportSampleText(file: VFile, draft: boolean | undefined): void {
  const text = String(file.value);
  if (draft || !text.includes(SAMPLE_MARK)) return;
  text.split('\n').forEach((line, i) => {
    const column = line.indexOf(SAMPLE_MARK);
    if (column >= 0) report(file, CONTENT.sampleText, { text: line.trim().replace(/^[#\-\s]+/, '') }, { line: i + 1, column: column + 1 });
  });
}
