// ESLint over the lab's JavaScript: the page (web/, browser and worker code), the tests, benchmarks and scripts
// (Node). scripts/test.sh runs `npx eslint .` and fails on any problem; scripts/format.sh applies the fixable ones.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['build/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
  {
    files: ['web/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  { files: ['web/js/worker.js'], languageOptions: { globals: { ...globals.worker } } },
  { files: ['web/sw.js'], languageOptions: { sourceType: 'script', globals: { ...globals.serviceworker } } },
  { files: ['tests/**', 'bench/**', 'scripts/**', 'eslint.config.mjs'], languageOptions: { globals: { ...globals.node } } },
  // Browser tests pass functions to page.evaluate(): they run in the page.
  { files: ['tests/browser/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
];
