import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-electron', 'release', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Main never runs renderer code: what both sides need is in shared/.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'Main does not import the renderer: move the shared piece to shared/.' }] }],
    },
  },
  {
    // The renderer is a web page: no Node, no Electron, no secrets. It talks to main only through the typed API.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: go through the typed API.' },
            { group: ['electron', 'electron/*'], message: 'The renderer has no Electron: go through the typed API.' },
            { group: ['**/electron/**', '../../electron/*'], message: 'Main-process code is not importable from the renderer.' },
          ],
          paths: ['fs', 'path', 'child_process', 'os', 'crypto', 'http', 'https', 'net'],
        },
      ],
    },
  },
);
