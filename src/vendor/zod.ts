// zod, as every module of the tool imports it. The compiled tool (lib/vendor/zod.js) gets zod
// bundled into one file by scripts/compile.mjs: loaded from its hundred-odd modules, zod took
// 50–70 ms of every command's start, a fifth of a build that finds the site up to date; bundled,
// about 20 ms. The tests and the type checker read zod itself through this file.
export { z } from 'zod';
