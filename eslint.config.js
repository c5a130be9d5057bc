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

// What renderer/ may import: itself and shared/ (relative paths that stay out of the other folders),
// and these libraries. Anything else (another package, Node, the services) is refused.
const RENDERER_LIBRARIES = [
  'react',
  'react-dom',
  '@tanstack/*',
  'react-hook-form',
  '@hookform/resolvers',
  'zod',
  'govuk-frontend',
];
const rendererImports = [
  nodeBuiltins,
  electron,
  {
    group: ['**/db/**', '**/electron/**', '**/tests/**', '**/bench/**', '**/bin/**'],
    message: 'renderer/ imports only renderer/ and shared/; it talks to services only through renderer/api/.',
  },
  {
    regex: `^(?!\\.|(${RENDERER_LIBRARIES.map((l) => l.replace('*', '[^/]+')).join('|')})(/|$))`,
    message: `renderer/ imports only renderer/, shared/ and ${RENDERER_LIBRARIES.join(', ')}.`,
  },
];
const bridgeModule = {
  group: ['**/shared/bridge*'],
  message: 'Only renderer/api/ reaches the bridge; use its hooks or client.',
};
const rendererTransports = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'caseAudit'].map((name) => ({
  name,
  message: 'Screens and components reach the services only through renderer/api/.',
}));
const rendererBridgeProperties = ['window', 'globalThis', 'self'].map((object) => ({
  object,
  property: 'caseAudit',
  message: 'Only renderer/api/ reaches the bridge; use its hooks or client.',
}));

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
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The interface is built from renderer/, shared/ and a few libraries; screens and components reach
    // the services only through renderer/api/ (its hooks and typed client), never the bridge itself.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/api/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...rendererImports, bridgeModule] }],
      'no-restricted-globals': ['error', ...rendererTransports],
      'no-restricted-properties': ['error', ...rendererBridgeProperties],
    },
  },
  {
    files: ['renderer/api/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: rendererImports }] },
  },
);
