// Lint: typescript-eslint (TypeScript-aware rules without type information, so a run stays
// a few seconds on two cores), React's hooks rules (including the compiler-backed ones), and
// import cycles between files. Layers between folders are a test: tests/architecture/layers.ts.
// Formatting is Prettier's job (`npm run format`); eslint-config-prettier turns off style rules.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'dist-e2e/**', 'data/**', 'coverage/**', 'test-results/**', '.tmp/**', 'assets/**', '**/*.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // R3F's model is to mutate per-frame state (memoised three.js objects, simulation records)
    // inside useFrame instead of setting React state (its "performance pitfalls" page). The
    // compiler-oriented immutability rule forbids exactly that; we do not use React Compiler.
    files: ['exhibits/**/scene/**', 'scripts/templates/exhibit/scene/**', 'src/scene/**', 'src/sdk/**'],
    rules: { 'react-hooks/immutability': 'off' },
  },
  prettier,
)
