// @ts-check
// ESLint flat config: typescript-eslint's recommended rules, kept lenient, plus the one
// boundary that matters: src/core/ stays pure (no `vscode`, no Node built-ins) so the
// analysis runs in the CLI, the extension host and VS Code for the Web alike.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Node's built-in modules, bare and with the `node:` prefix, e.g. fs, fs/promises, node:path. */
const nodeBuiltins = [...new Set(builtinModules.filter((m) => !m.startsWith('_')))];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.d.ts', 'test/corpus/**', 'test/fixtures/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs', '**/*.js'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core/ must not depend on VS Code: put host code in src/extension/.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core/ must run in VS Code for the Web: no Node built-ins.' })),
          ],
          patterns: [{ group: ['node:*'], message: 'src/core/ must run in VS Code for the Web: no Node built-ins.' }],
        },
      ],
    },
  },
);
