// The 党政机关网站标识 named in site.yml must be there to be published, and be what it says: a
// regular file inside the project (a link out of it, to a system file, is not followed), of a
// sane size, whose bytes are an image. It is read once here and published as read.
import path from 'node:path';
import type { VFile } from 'vfile';
import { HARDENED } from '../messages/catalogue.ts';
import { BADGE_NOT_IMAGE } from '../messages/parts.ts';
import { report } from '../messages.ts';
import type { Site } from '../model/site.ts';
import type { ParsedYaml } from './parse-yaml.ts';
import { readRegularFile } from './read-regular-file.ts';

/** A badge is a small picture (the issued ones are a few KB). */
export const MAX_BADGE_BYTES = 1024 * 1024;

const startsWith = (bytes: Buffer, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** Whether the bytes are a PNG, GIF, JPEG, WebP or SVG image, by what they begin with. */
export function isImage(bytes: Buffer): boolean {
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return true;
  if (/^GIF8[79]a/.test(bytes.subarray(0, 6).toString('latin1'))) return true;
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return true;
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return true;
  // SVG: text whose first element is <svg>, after an XML declaration, comments or a doctype.
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head);
}

export type BadgeRead = { ok: true; bytes: Buffer } | { ok: false; why: string; missing?: boolean };

/** The badge's bytes, when it is an image file of the project; else why not. */
export function readBadge(projectDir: string, badge: string): BadgeRead {
  const read = readRegularFile(path.join(projectDir, badge), MAX_BADGE_BYTES, { within: projectDir });
  if (read.ok) return isImage(read.bytes) ? read : { ok: false, why: BADGE_NOT_IMAGE.notImage };
  switch (read.problem) {
    case 'missing':
      return { ok: false, why: '', missing: true };
    case 'outside':
      return { ok: false, why: BADGE_NOT_IMAGE.outside(read.target) };
    case 'too-large':
      return { ok: false, why: BADGE_NOT_IMAGE.tooLarge(MAX_BADGE_BYTES / 1024 / 1024) };
    default:
      return { ok: false, why: BADGE_NOT_IMAGE.notRegularFile };
  }
}

/** Reports a badge image that is not an image file of the project; true when it is one or none is named. */
export function checkBadgeFile(file: VFile, parsed: ParsedYaml, site: Site): boolean {
  if (site.badge === undefined) return true;
  const read = readBadge(file.cwd, site.badge);
  if (read.ok) return true;
  if (read.missing) {
    report(file, HARDENED.badgeMissing, { badge: site.badge }, parsed.placeOf(['badge']));
  } else report(file, HARDENED.badgeNotImage, { badge: site.badge, why: read.why }, parsed.placeOf(['badge']));
  return false;
}
