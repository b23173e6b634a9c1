// Lint rules, including the one-way import rule: lib and components <- api, gallery-store and
// prompt-library <- widgets <- features <- app, with no feature importing another; picture-metadata
// stands on lib and the API contract alone (and loads only through import(), which the budget checks).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** One import rule per folder: each regex is an import path that folder may not use. */
const zone = (files, rules) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message })) }],
  },
});

const NO_UPWARD = ['(^|/)(features|app)/', 'Shared code must not import features or the app shell.'];
const NO_SIBLING_FEATURE = ['^\\.\\./(?!\\.\\.)[^/]+/|(^|/)features/|(^|/)app/', 'Features do not import each other or the app shell; move what they share down a level.'];

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['error', 'warn', 'log'] }],
    },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring, even an empty one.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  zone(['src/lib/**'], [NO_UPWARD, ['(^|/)components/|(^|/)api/(?!contract$)', 'lib holds pure helpers; of the API layer it may use only the contract.']]),
  zone(['src/components/**'], [NO_UPWARD, ['(^|/)(api|gallery-store)/(?!contract$)', 'Components are plain controls: data comes in through props. Of the API layer they may use only the contract.']]),
  zone(['src/api/**', 'src/gallery-store/**'], [NO_UPWARD, ['(^|/)widgets/', 'The API layer and the gallery store sit below the widgets.']]),
  zone(['src/picture-metadata/**'], [NO_UPWARD, ['(^|/)(components|widgets|gallery-store)/|(^|/)api/(?!contract$)', 'Picture metadata reads and writes files: of the studio it uses only the API contract and lib.']]),
  zone(['src/prompt-library/**'], [NO_UPWARD, ['(^|/)(components|gallery-store|run-queue|widgets)/|(^|/)api/(?!contract$)', 'The prompt library keeps prompts and wildcard lists: it builds on lib and the API contract only.']]),
  zone(['src/widgets/**'], [NO_UPWARD]),
  zone(['src/features/**'], [NO_SIBLING_FEATURE]),
  zone(['server/**'], [['(^|/)(features|app|components)/', 'The engine shares only the API contract and lib with the studio.']]),
);
