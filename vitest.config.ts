import { defineConfig } from 'vitest/config';
import { scaled } from './test/time-limit.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Limits that only catch a hang, scaled to the load when the run starts (test/time-limit.ts):
    // on a 2-core machine shared with other work, printing eight PDFs in one test has taken a minute.
    testTimeout: scaled(90_000),
    hookTimeout: scaled(150_000),
    // One Chromium and the built sites that test files only read, made once per run (test/shared.ts).
    globalSetup: ['test/shared-setup.ts'],
    // vitest's default is one worker fewer than the cores: a single one on 2 cores. The browser
    // and PDF tests spend much of their time waiting on Chromium and poppler, so run three files at once.
    maxWorkers: 3,
    // Each worker loads the pipeline once, not once per test file: no test keeps state in a module
    // it shares (the suite took 17% less CPU).
    isolate: false,
    reporters: ['./test/slowest-reporter.ts', 'default'],
  },
});
