// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', '.astro/', 'node_modules/', 'public/datasets/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a value deliberately left unused (for example a destructured field dropped).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Variant contexts are typed per dataset; `any` is allowed where a generic default needs it.
      '@typescript-eslint/no-explicit-any': 'off',
      // `catch {}` marks a failure that is deliberately ignored (storage refused, a server not up yet).
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Tests must not be committed focused: a stray .only would silently skip the rest.
      'no-restricted-properties': [
        'error',
        { object: 'test', property: 'only', message: 'Remove .only before committing.' },
        { object: 'it', property: 'only', message: 'Remove .only before committing.' },
        { object: 'describe', property: 'only', message: 'Remove .only before committing.' },
      ],
    },
  },
  {
    // Kysely spells "a query with no columns selected yet" as `{}` (SelectQueryBuilder<DB, 'books', {}>),
    // and the examples are shown to readers as written, so no lint comments in them.
    files: ['content/examples/**/*.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': 'off' },
  },
);
