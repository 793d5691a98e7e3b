// The 党政机关网站标识 named in site.yml must be there to be published.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { reportError } from '../messages.ts';
import type { Site } from '../model/site.ts';
import type { ParsedYaml } from './parse-yaml.ts';

/** Reports a badge image that is not a file of the project; true when it is there or none is named. */
export function checkBadgeFile(file: VFile, parsed: ParsedYaml, site: Site): boolean {
  if (site.badge === undefined) return true;
  const isFile = statSync(path.join(file.cwd, site.badge), { throwIfNoEntry: false })?.isFile() ?? false;
  if (isFile) return true;
  reportError(
    file,
    `找不到党政机关网站标识的图片 ${site.badge}：请把发给本站的标识图片存到这个位置（路径从项目文件夹算起，例如 templates/static/dzjg.png），或改正 badge 的路径`,
    'badge-image',
    parsed.placeOf(['badge']),
  );
  return false;
}
