/**
 * The layering and no-cycle rules, checked by `npm run lint:deps` (and .ci/run).
 * Type-only imports count too: a cycle of types is still a knot a newcomer
 * has to untie to understand either file.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module may import itself through others: cut the cycle by moving the shared piece into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'edges-know-no-business',
      severity: 'error',
      comment:
        'src/io (files), src/api (HTTP and Placetopay) and the shared modules at the top of src (errors, secrets) ' +
        'are the edges: they import nothing from the pipeline or the CLI.',
      from: { path: ['^src/(io|api)/', '^src/[^/]+[.]ts$'] },
      to: { path: '^src/(pipeline|cli)/' },
    },
    {
      name: 'i18n-is-a-leaf',
      severity: 'error',
      comment: 'src/i18n (the language and the catalogue) is imported by every layer, so it imports nothing of theirs.',
      from: { path: '^src/i18n/' },
      to: { path: '^src/(?!i18n/)' },
    },
    {
      name: 'pipeline-knows-no-cli',
      severity: 'error',
      comment: 'src/pipeline is the business; the CLI calls it, never the other way round.',
      from: { path: '^src/pipeline/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
