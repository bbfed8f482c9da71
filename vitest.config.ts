import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start child processes and a sandbox server; give them room on a 2-core CI box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Tests read English unless they ask for Spanish (--lang es): the language of a run
    // follows LC_ALL / LC_MESSAGES / LANG, so the machine's own must not decide it.
    env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' },
  },
});
