/**
 * Build of the Excel add-in: the task pane (taskpane.html) and the ribbon commands (commands.html).
 *
 *   npm run build        production: minified, content-hashed chunks in dist/addin/
 *   npm run build:dev    development: readable bundles with source maps
 *   npm run dev-server   https://localhost:3000 with the office-addin-dev-certs certificate
 *
 * office.js: the pages load Microsoft's CDN office.js (required by AppSource and centralized
 * deployment, and the only copy with current APIs such as notes). `--env officeJs=local` copies the
 * npm `@microsoft/office-js` package into `office-js/` instead — for offline tests only: that copy
 * is frozen at 1.1.110 and lacks newer APIs. See docs/sideload.md.
 *
 * Engines: everything, node_modules included, is compiled to ES2019 (WebView2, Safari/WKWebView on
 * Mac, current browsers for Excel on the web). Trident and EdgeHTML (Excel 2016/2019 volume
 * licences, or without WebView2) are not supported: an inline ES5 script in each page says so in
 * Spanish (src/taskpane/engine-check.js). README, «Motores».
 *
 * Production manifest: dist/addin/manifest.prod.xml from manifest.xml with the add-in's address
 * (`--env addinUrl=https://…` or TABLERO_ADDIN_URL; scripts/production-manifest.js).
 *
 * Extra switches (`--env name=value`):
 *   outputPath=/abs/dir   build into another folder (the browser test builds into a temp dir)
 *   withDouble            also build test/browser/double-entry.ts → test-double.js (tests only)
 *   analyze               print the chunk sizes webpack computes
 */
const path = require('node:path');
const fs = require('node:fs');
const { productionManifest } = require('./scripts/production-manifest');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_LOCAL = 'office-js/office.js';
/** dist/addin/, so cleaning it never touches the CLI's compiled dist/cli/ (tsconfig.cli.json). */
const DEFAULT_OUTPUT = path.resolve(__dirname, 'dist', 'addin');
const officeJsDir = path.dirname(require.resolve('@microsoft/office-js/package.json'));

/** swc for TypeScript/TSX; ES2019 syntax so Safari 14 (Excel for Mac) and WebView2 run it. */
function swcRule(tsx) {
  return {
    loader: 'swc-loader',
    options: {
      jsc: {
        parser: { syntax: 'typescript', tsx },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2019',
      },
    },
  };
}

/** Dependencies' own JavaScript to ES2019 too (tabster ships `static {}` blocks, `?.`, `??=`). */
const swcVendorRule = {
  loader: 'swc-loader',
  options: { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2019' }, isModule: 'unknown' },
};

/** The inline ES5 engine check, put first in each page's <head>. */
const engineCheck = fs.readFileSync(path.join(__dirname, 'src', 'taskpane', 'engine-check.js'), 'utf8');

function appConfig(env, mode, httpsOptions) {
  const production = mode === 'production';
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : DEFAULT_OUTPUT;
  const localOfficeJs = env.officeJs === 'local';
  const officeJs = localOfficeJs ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
  const addinUrl = env.addinUrl || process.env.TABLERO_ADDIN_URL || undefined;

  /** @type {import('webpack').Configuration} */
  const config = {
    name: 'addin',
    mode,
    context: __dirname,
    // Also what the minifier may emit: without it terser writes `??` back into the bundles.
    target: ['web', 'es2019'],
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      aviso: './src/commands/aviso.ts',
      // The «Informe» dialog's page (src/taskpane/informe-page.ts): no React, no engine.
      'informe-page': './src/taskpane/informe-page.ts',
    },
    output: {
      path: outputPath,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: { keep: /^test-double\.js$/ },
      publicPath: '',
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      // The pane never needs Node: a stray import of a Node module must fail the build.
      fallback: { fs: false, path: false, 'node:fs': false, 'node:path': false },
    },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: swcRule(false) },
        { test: /\.tsx$/, exclude: /node_modules/, use: swcRule(true) },
        { test: /\.[cm]?js$/, include: /node_modules/, use: swcVendorRule },
      ],
    },
    optimization: {
      minimize: production,
      // One vendor chunk (React + Fluent) shared by nothing else changes rarely and caches well;
      // the commands page does not need React, so it only gets what it imports.
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendor',
            chunks: (chunk) => chunk.name === 'taskpane',
            priority: 10,
          },
          // The engine (domain, rules, app) shared by the pane and the ribbon commands.
          engine: {
            test: /[\\/]src[\\/]/,
            name: 'engine',
            // Only what the pages load at start (taskpane, commands): a module shared by two lazy
            // chunks stays lazy (webpack gives it an async chunk of its own) instead of being
            // hoisted into the first load. The dialog pages (aviso, informe) must not load the engine.
            chunks: (chunk) => chunk.name === 'taskpane' || chunk.name === 'commands',
            minChunks: 2,
            priority: 5,
          },
        },
      },
    },
    performance: {
      // The real budget (250 KB gzipped for taskpane.html) is checked by scripts/bundle-size.ts.
      hints: false,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs, engineCheck },
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'aviso.html',
        template: './src/commands/aviso.html',
        chunks: ['aviso'],
        templateParameters: { officeJs, engineCheck },
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'informe.html',
        template: './src/taskpane/informe.html',
        chunks: ['informe-page'],
        templateParameters: { officeJs, engineCheck },
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        templateParameters: { officeJs, engineCheck },
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          { from: 'manifest.xml', to: 'manifest.xml', noErrorOnMissing: true },
          { from: 'manifest.xml', to: 'manifest.prod.xml', transform: (xml) => productionManifest(xml.toString('utf8'), addinUrl) },
          { from: 'src/taskpane/soporte.html', to: 'soporte.html' },
          ...(!localOfficeJs
            ? []
            : [
                {
                  from: '{office.js,excel-*.js,o15apptofilemappingtable.js,*/office_strings.js}',
                  context: officeJsDir + '/dist',
                  to: 'office-js',
                  globOptions: { ignore: ['**/*.debug.js', '**/excel-15*.js', '**/excelios-15*.js', '**/excelwebapp-15*.js'] },
                  info: { minimized: true },
                },
              ]),
        ],
      }),
    ],
    stats: env.analyze ? { all: false, modules: true, nestedModules: true, assets: true } : 'errors-warnings',
  };

  if (httpsOptions) {
    config.devServer = {
      port: 3000,
      host: 'localhost',
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: outputPath, watch: false },
      server: { type: 'https', options: httpsOptions },
    };
  }
  return config;
}

/** The Excel double as a plain script for page.addInitScript (test/browser/pane.test.ts). */
function doubleConfig(env) {
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : DEFAULT_OUTPUT;
  return {
    name: 'double',
    mode: 'production',
    context: __dirname,
    devtool: false,
    entry: { 'test-double': './test/browser/double-entry.ts' },
    output: { path: outputPath, filename: '[name].js', iife: true },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: swcRule(false) }] },
    optimization: { minimize: false },
    stats: 'errors-warnings',
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  // Only the dev server needs the certificate (created and trusted by `office-addin-dev-certs
  // install`, which getHttpsServerOptions runs the first time): a plain build never touches it.
  let httpsOptions;
  if (env.WEBPACK_SERVE) {
    const devCerts = require('office-addin-dev-certs');
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    httpsOptions = { ca, key, cert };
  }
  const configs = [appConfig(env, mode, httpsOptions)];
  if (env.withDouble) configs.push(doubleConfig(env));
  return configs.length === 1 ? configs[0] : configs;
};
