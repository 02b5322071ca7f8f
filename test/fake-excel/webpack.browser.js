/**
 * Bundles the fake Excel host for the browser (browser.ts → one classic script defining
 * window.__installFakeExcel). No ExcelJS and no Node modules go in (browser.test.ts checks the modules).
 *
 *   npx webpack --config test/fake-excel/webpack.browser.js                       → test-output/fake-excel-browser.js
 *   npx webpack --config test/fake-excel/webpack.browser.js --env out=/tmp/fx.js --mode production
 *
 * The output path comes from `--env out=…` (or `env.out` through the Node API), else the
 * FAKE_EXCEL_BROWSER_OUT environment variable, else test-output/fake-excel-browser.js.
 */
'use strict';

const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

module.exports = (env = {}, argv = {}) => {
  const out = path.resolve(ROOT, env.out || process.env.FAKE_EXCEL_BROWSER_OUT || path.join('test-output', 'fake-excel-browser.js'));
  const mode = argv.mode || env.mode || 'development';
  return {
    mode,
    // Plain code (no eval wrappers), so the bundle also runs where eval is refused and reads well in a trace.
    devtool: false,
    context: ROOT,
    entry: path.resolve(__dirname, 'browser.ts'),
    target: ['web', 'es2020'],
    output: {
      path: path.dirname(out),
      filename: path.basename(out),
      iife: true,
      clean: false,
    },
    // Webpack 5 has no Node polyfills: an import of 'fs', 'path', … from the core fails the build. An
    // import of ExcelJS would be bundled, so browser.test.ts checks that only this folder's files are in.
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(ROOT, 'tsconfig.json'),
              transpileOnly: true,
              compilerOptions: { module: 'es2020', sourceMap: false },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    optimization: { minimize: mode === 'production' },
  };
};
