/**
 * Builds the Office add-in: the task pane, the ribbon command's function file, the icons and the
 * manifest, all into dist/ so that the folder can be served as it is.
 *
 *   npm run build          production build; needs no certificates and no network
 *   npm run dev-server     https://localhost:3000 with the Office dev certificate
 *
 * ADDIN_BASE_URL (default https://localhost:3000/) is where dist/ will be served from; it replaces
 * https://localhost:3000/ everywhere in the copied manifest.
 */
'use strict';

const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;

function baseUrl() {
  const url = process.env.ADDIN_BASE_URL || DEV_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

/** The manifest with every dev URL pointed at the deployment; XML-escaped, since it lands in attributes. */
function rewriteManifest(content) {
  const escaped = baseUrl().replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return content.toString('utf8').split(DEV_URL).join(escaped);
}

async function httpsOptions() {
  // Required lazily: only `webpack serve` needs the certificate, and getting it may install one.
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env, argv) => {
  const dev = argv.mode === 'development';
  const serving = Boolean(env && env.WEBPACK_SERVE);

  return {
    // No eval-* source maps: the pages' Content-Security-Policy (taskpane.html) allows no 'unsafe-eval'.
    devtool: dev ? 'cheap-module-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    // Our code goes out as ES2017, so the ribbon command also runs in Excel 2019's legacy Edge webview.
    // The pane needs Fluent UI 9, which supports only current engines (WebView2, Safari, browsers): on
    // older webviews taskpane.html's static text says so. Internet Explorer is not supported at all.
    target: ['web', 'es2017'],
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // Type errors are `npm run typecheck`'s job; the build only strips types.
              transpileOnly: true,
              // tsconfig.json says CommonJS for the CLI and Jest; webpack needs ES modules to tree-shake Fluent UI.
              // ES2017 output: Excel 2019's EdgeHTML webview has no optional chaining or `??`.
              compilerOptions: { module: 'es2020', target: 'es2017' },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: rewriteManifest },
        ],
      }),
    ],
    performance: {
      // Fluent UI alone is past webpack's default 244 KiB; warn only if the pane grows well beyond it.
      maxEntrypointSize: 512 * 1024,
      maxAssetSize: 512 * 1024,
      // Chunks loaded on demand (ExcelJS, only when the clerk combines chi bộ files) do not delay the pane.
      assetFilter: (file) => /^(taskpane|commands)\.[^/]*\.js$/.test(file),
    },
    devServer: serving
      ? {
          port: DEV_PORT,
          // Everything is served from the compilation (CopyWebpackPlugin brings the assets and manifest in).
          static: false,
          // Office loads the pane from another origin (Office on the web) and fetches icons cross-origin.
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await httpsOptions() },
        }
      : undefined,
  };
};
