// A vitest reporter that ends the run with where its time went: the slowest test files (their
// setup included) and the slowest tests, and every test that could not run on this machine, with
// why (a test skips itself only with a note saying so). vitest's own summary follows it.
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;

export default class SlowestReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const name = (module: TestModule) => path.relative(module.project.config.root, module.moduleId);
    const files = modules.map((module) => {
      const { collectDuration, duration } = module.diagnostic();
      return { ms: collectDuration + duration, label: name(module) };
    });
    const tests = modules.flatMap((module) =>
      [...module.children.allTests()].map((test) => ({ ms: test.diagnostic()?.duration ?? 0, label: `${name(module)} › ${test.fullName}` })),
    );
    const cannotRun = modules.flatMap((module) =>
      [...module.children.allTests()].flatMap((test) => {
        const result = test.result();
        return result.state === 'skipped' && result.note ? [`  ${name(module)} › ${test.fullName}: ${result.note}`] : [];
      }),
    );
    if (cannotRun.length > 0) console.log(['', '不能在这台机器上运行的测试 / tests that could not run here:', ...cannotRun].join('\n'));
    if (tests.length < 2) return;
    const slowest = (rows: { ms: number; label: string }[], count: number) =>
      rows
        .sort((a, b) => b.ms - a.ms)
        .slice(0, count)
        .map((row) => `  ${seconds(row.ms)}  ${row.label}`);
    console.log(['', '最慢的测试文件 / slowest test files:', ...slowest(files, 5), '最慢的测试 / slowest tests:', ...slowest(tests, 10)].join('\n'));
  }
}
