import { describe, expect, it } from 'vitest';
import { baseUrlSchema } from './base-url.ts';

const parse = (value: unknown) => baseUrlSchema.safeParse(value);

describe('baseUrl', () => {
  it.each([
    ['https://example.gov.cn/lldt/', 'https://example.gov.cn/lldt/'],
    ['https://example.gov.cn/lldt', 'https://example.gov.cn/lldt/'],
    ['https://example.gov.cn', 'https://example.gov.cn/'],
    ['http://192.168.1.10:8080/lldt/', 'http://192.168.1.10:8080/lldt/'],
    ['HTTPS://Example.GOV.cn/lldt/', 'https://example.gov.cn/lldt/'],
    ['  https://example.gov.cn/lldt/  ', 'https://example.gov.cn/lldt/'],
    ['https://example.gov.cn:443/a/b/', 'https://example.gov.cn/a/b/'],
    ['https://人大.中国/lldt/', 'https://xn--gmqz7w.xn--fiqs8s/lldt/'],
    ['http://localhost:4000/', 'http://localhost:4000/'],
  ])('takes %s as %s', (value, expected) => {
    expect(parse(value)).toEqual({ success: true, data: expected });
  });

  it.each([
    ['javascript:alert(1)', '应以 https:// 或 http:// 开头'],
    ['JavaScript://example.gov.cn/%0aalert(1)', '应以 https:// 或 http:// 开头'],
    ['data:text/html,<script>alert(1)</script>', '应以 https:// 或 http:// 开头'],
    ['file:///var/www/lldt/', '应以 https:// 或 http:// 开头'],
    ['ftp://example.gov.cn/lldt/', '应以 https:// 或 http:// 开头'],
    ['vbscript:msgbox', '应以 https:// 或 http:// 开头'],
    ['mailto:lldt@example.gov.cn', '应以 https:// 或 http:// 开头'],
    ['https:example.gov.cn/lldt/', '紧接着写域名'],
    ['https:/example.gov.cn/lldt/', '紧接着写域名'],
    ['https:\\\\example.gov.cn\\lldt\\', '紧接着写域名'],
    ['https:///example.gov.cn/lldt/', '紧接着写域名'],
    ['//example.gov.cn/lldt/', '应为完整网址'],
    ['/lldt/', '应为完整网址'],
    ['example.gov.cn/lldt/', '应为完整网址'],
    ['https://', '应为完整网址'],
    ['https://exa mple.gov.cn/', '应为完整网址'],
    ['https://[::1/', '应为完整网址'],
    ['https://user:secret@example.gov.cn/lldt/', '不能含用户名或密码'],
    ['https://example.gov.cn@evil.example/', '不能含用户名或密码'],
    ['https://example.gov.cn/lldt/?from=feed', '不能带 ? 或 #'],
    ['https://example.gov.cn/lldt/?', '不能带 ? 或 #'],
    ['https://example.gov.cn/lldt/#top', '不能带 ? 或 #'],
    ['网址', '应为完整网址'],
    ['', '应为完整网址'],
    [42, '应为完整网址'],
    [['https://example.gov.cn/'], '应为完整网址'],
  ])('refuses %j: %s', (value, reason) => {
    const result = parse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toHaveLength(1);
    expect(result.error!.issues[0]!.message).toContain(reason);
    expect(result.error!.issues[0]!.message).toContain('例如 https://example.gov.cn/lldt/');
  });
});
