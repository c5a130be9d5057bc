// Lint, with the folder boundaries of docs/architecture.md enforced as import rules.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ are pure: no Node modules.' };
const electron = {
  group: ['electron'],
  message: 'Only electron/main.ts, electron/preload.ts and the adapter import electron.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electron,
            {
              group: ['react', 'react-dom', '**/db/**', '**/electron/**', '**/renderer/**'],
              message: 'shared/ imports only zod and shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            { group: ['**/electron/**', '**/renderer/**', 'react'], message: 'db/ imports only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/electronAdapter.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            { group: ['**/renderer/**', 'react'], message: 'Services do not import the interface.' },
          ],
        },
      ],
    },
  },
  {
    // db/ owns the SQL: statements are prepared, run and tuned only by its repositories. (.exec is
    // refused on a string argument or on a database-named object, so a regular expression's exec
    // stays allowed.)
    // The benchmark reads counts straight from the file it measures, and tests check tables directly.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['db/**', 'bench/**', 'tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.property.name='prepare']",
          "CallExpression[callee.property.name='pragma']",
          "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]:not([callee.object.regex])",
          "CallExpression[callee.property.name='exec'][callee.object.name=/^(db|database|conn|connection)$/i]",
          "CallExpression[callee.property.name='exec'][callee.object.property.name=/^(db|database)$/i]",
        ].map((selector) => ({ selector, message: 'SQL belongs in db/: add a repository function there.' })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electron,
            {
              group: ['**/db/**', '**/electron/**'],
              message: 'The renderer talks to services only through renderer/api/.',
            },
          ],
        },
      ],
    },
  },
);
