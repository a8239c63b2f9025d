// ESLint flat config: typescript-eslint (recommended) + react-hooks for src/ and test/, and the
// layers of src/ (docs/architecture.md): which folder may import which, enforced below.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');

/**
 * The layers of src/ and what each may import: dependencies point one way,
 * domain ← rules ← sheets ← app ← {xlsx, excel}; cli → app, taskpane → app (both may use the
 * domain's vocabulary: types, values, formatting). The adapters (src/xlsx, src/excel, exceljs) are
 * imported only by the composition roots below.
 */
const layers = {
  domain: [],
  rules: ['domain'],
  sheets: ['domain', 'rules'],
  app: ['domain', 'rules', 'sheets'],
  xlsx: ['domain', 'rules', 'sheets', 'app'],
  excel: ['domain', 'rules', 'sheets', 'app'],
  cli: ['domain', 'app'],
  taskpane: ['domain', 'app'],
  // The ribbon's function file (manifest FunctionFile): its own page, whose actions come from the
  // add-in's composition root (taskpane/compose.ts), as the pane's do.
  commands: ['domain', 'app', 'taskpane'],
};
/** Composition roots: they wire an adapter into app/, and are the only files that may. */
const compositionRoots = {
  'src/cli/main.ts': ['xlsx'],
  // The add-in's two pages (task pane, ribbon) both take their actions from here; no React in it.
  // It imports the Excel adapter and, lazily, the reader of the .xlsx files Consolidar is given
  // (src/xlsx/bytes-read.ts: no exceljs, no Node).
  'src/taskpane/compose.ts': ['excel', 'xlsx'],
};
const adapterPackages = ['exceljs'];

function layerRule(layer, extra = []) {
  const allowed = new Set([layer, ...layers[layer], ...extra]);
  const forbidden = Object.keys(layers).filter((l) => !allowed.has(l));
  return [
    'error',
    {
      patterns: [
        ...(layer === 'xlsx' ? [] : adapterPackages.map((name) => ({ regex: `^${name}(/|$)`, message: `Only src/xlsx (the exceljs adapter) imports ${name}.` }))),
        ...forbidden.map((l) => ({
        regex: `^(\\.\\./)+${l}(/|$)`,
        message:
          `src/${layer} may not import src/${l}: dependencies point domain ← rules ← sheets ← app ← {xlsx, excel}; ` +
          'cli → app, taskpane → app; only the composition roots import an adapter (docs/architecture.md).',
        })),
      ],
    },
  ];
}

const layerConfigs = [
  ...Object.keys(layers).map((layer) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ignores: ['src/**/*.test.{ts,tsx}', ...Object.keys(compositionRoots)],
    rules: { 'no-restricted-imports': layerRule(layer) },
  })),
  ...Object.entries(compositionRoots).map(([file, adapters]) => ({
    files: [file],
    rules: { 'no-restricted-imports': layerRule(file.split('/')[1], adapters) },
  })),
];

module.exports = tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/output/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      // Warnings, not errors: an unused import is noise, not a bug, and must not block a build.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      // The CLI strips ANSI colour codes (\x1b) on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Issue 10, item 9: a list copied on every insertion is quadratic (22 s on the pane's thread
    // for an 8,000-row Observaciones). test/lint/quadratic.test.ts proves the selector catches it.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='set'] > ArrayExpression > SpreadElement > LogicalExpression > CallExpression[callee.property.name='get']",
          message: 'map.set(k, [...(map.get(k) ?? []), x]) copies the list on every insertion (quadratic): use pushTo (src/domain/multimap.ts).',
        },
        {
          selector: "CallExpression[callee.property.name='set'] > CallExpression[callee.property.name='concat']",
          message: 'map.set(k, list.concat(x)) copies the list on every insertion (quadratic): use pushTo (src/domain/multimap.ts).',
        },
      ],
    },
  },
  {
    // Test doubles and fixtures may need looser typing around the Office API surface.
    files: ['test/**/*.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // jest.isolateModules / lazy fixtures sometimes need require().
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerConfigs,
);
