// Before the tests (npm test runs this first): the Debian packages they need. Missing ones are
// installed when running as root; otherwise this stops at once with the command to run.
// One dpkg-query for all of them, so that it takes a few milliseconds when nothing is missing.
import { spawnSync } from 'node:child_process';

const PACKAGES = [
  'chromium', // the browser tests and the PDFs
  'fonts-noto-cjk', // Chinese text in the browser and the PDFs
  'fonts-arphic-ukai', // 楷体 in print
  'fonts-arphic-gkai00mp',
  'poppler-utils', // reading the PDFs back: pdfinfo, pdftotext, pdftoppm
  'libreoffice-writer-nogui', // soffice, for the back-catalogue import of .doc and .wps
];

function missingPackages(names) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Abbrev}\n', ...names], { encoding: 'utf8' });
  if (query.error) return undefined; // no dpkg: not Debian
  const installed = new Set(
    query.stdout
      .split('\n')
      .filter((line) => / ii $/.test(line))
      .map((line) => line.split(' ')[0]),
  );
  return names.filter((name) => !installed.has(name));
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error(`测试准备失败：${command} ${args.join(' ')} 没有成功 / test setup failed: ${command} ${args.join(' ')}`);
    process.exit(1);
  }
}

const missing = missingPackages(PACKAGES);
if (missing === undefined) {
  console.log(`测试需要 Debian 软件包 ${PACKAGES.join(' ')}，本机没有 dpkg，无法检查 / no dpkg here: make sure their equivalents are installed`);
} else if (missing.length > 0) {
  const install = ['install', '-y', '--no-install-recommends', ...missing];
  if (process.getuid?.() !== 0) {
    console.error(
      `测试需要这些 Debian 软件包，请先安装 / the tests need these Debian packages, install them first:\n  sudo apt-get update && sudo apt-get ${install.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`正在安装测试需要的 Debian 软件包（需要几分钟）/ installing the Debian packages the tests need: ${missing.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['-qq', ...install]);
}
