// npm run pdf: the build, with every issue printed to an A4 PDF beside its page (npm run build -- --pdf).
import { buildSite } from './build.ts';
import { EXIT, type Command } from './command.ts';

const help = `用法：npm run pdf [-- 选项]

检查并生成网站到 dist/，同时把每期印成 A4 的 PDF，版式与纸质《联络动态》相同
（GB/T 9704-2012：红色报头、3号仿宋正文、页码、版记），放在该期页面旁边，例如
dist/2019/09/lianluodongtai-2019-09.pdf，该期页面上出现“下载 PDF”。
与 npm run build -- --pdf 相同。

只重印页面有改动的期：印好的 PDF 保存在 .cache/pdf/，之后的 npm run build
（不带 --pdf）也会沿用，页面改过的期则暂时没有 PDF，直到再次运行 npm run pdf。

需要 Debian 的 Chromium 浏览器和中文字体：sudo apt-get install chromium fonts-noto-cjk fonts-arphic-ukai

选项：
  --drafts     同时发布标有 draft: true 的草稿
  --out 目录   输出到指定目录（默认 dist）
  --help       显示本说明`;

export const printPdfs: Command = {
  summary: '生成网站，并把每期印成 PDF',
  help,
  async run(args, projectDir) {
    if (args.includes('--help')) {
      console.log(help);
      return EXIT.ok;
    }
    return buildSite.run(['--pdf', ...args], projectDir);
  },
};
