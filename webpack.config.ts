import net from 'node:net';
import path from 'node:path';
import ReactRefreshWebpackPlugin from '@pmmmwh/react-refresh-webpack-plugin';
import createReactRefreshTransformer from 'react-refresh-typescript';
import { ManifestPlugin, ProgressPlugin, type Configuration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';
import { readDevPort, readPort } from './src/shared/readPort';
import { ASSET_MANIFEST, STATIC_PATH, WEB_PORT } from './src/shared/config';

type Mode = 'development' | 'production';

/** A taken port stops `webpack serve` with a sentence naming the variable, not a stack trace. */
function ensurePortIsFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is in use by another program. Set ${variable} to move the dev server, for example ${variable}=${port + 1}.`,
            )
          : error,
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

// webpack-cli passes --mode in argv and WEBPACK_SERVE for `webpack serve`; the dev server and
// react-refresh are only wanted in development.
export default async function config(
  cli: { WEBPACK_SERVE?: boolean },
  argv: { mode?: Mode },
): Promise<Configuration> {
  const isDev = argv.mode !== 'production';
  // The same variables as the server's, so `PORT=9000 DEV_PORT=9001 npm run dev` moves both halves together.
  const target = `http://localhost:${readPort(process.env.PORT, WEB_PORT)}`;
  const devPort = readDevPort(process.env);
  if (cli.WEBPACK_SERVE) await ensurePortIsFree(devPort, 'DEV_PORT');
  const devServer: DevServerConfiguration = {
    port: devPort,
    hot: true,
    // Express renders the page and serves public/; the dev server only answers the bundle (from memory) and
    // proxies the rest, the Socket.IO websocket included.
    static: false,
    proxy: [
      { context: ['/socket.io'], target, ws: true },
      { context: ['/'], target },
    ],
  };

  return {
    mode: isDev ? 'development' : 'production',
    // One entry, the socket layer; it loads the page's chunk (`ui`) itself, and the HTML preloads that chunk.
    entry: { main: './src/client/index.ts' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // In production a name changes when its content does, so the server can let browsers keep each file for a
      // year (immutable); the dev server keeps fixed names, which the page of `npm run dev` asks for.
      filename: isDev ? 'js/[name].js' : 'js/[name].[contenthash:12].js',
      chunkFilename: isDev ? 'js/[name].js' : 'js/[name].[contenthash:12].js',
      publicPath: `${STATIC_PATH}/`,
      clean: true,
      // Every build writes its files, unchanged ones too: `npm start` compares their times with the sources'.
      compareBeforeEmit: false,
    },
    // Not webpack's eval-* source maps in development: they run each module through eval(), which the page's
    // Content-Security-Policy (src/server/http/securityHeaders.ts) refuses, in development as in production.
    // In production the maps are written to dist/ for whoever debugs with the files, but the bundle does not
    // point at them and the server does not serve them: the public gets the code, not the sources.
    devtool: isDev ? 'cheap-module-source-map' : 'hidden-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            // `npm run typecheck` checks types; the build only transpiles, which keeps rebuilds fast.
            transpileOnly: true,
            // ES modules let webpack drop unused exports; tsconfig says CommonJS for Node.
            compilerOptions: { module: 'es2020' },
            getCustomTransformers: () => ({
              before: isDev ? [createReactRefreshTransformer()] : [],
            }),
          },
        },
      ],
    },
    plugins: [
      // A progress bar only where someone watches it; a log file or CI would get one line per step.
      ...(process.stdout.isTTY ? [new ProgressPlugin()] : []),
      ...(isDev ? [new ReactRefreshWebpackPlugin()] : []),
      // dist/manifest.json: which file each chunk was written to, read by the server to write the page.
      new ManifestPlugin({ filename: ASSET_MANIFEST, entrypoints: true }),
    ],
    // Without a terminal, errors and warnings in full and one line per build.
    stats: process.stdout.isTTY
      ? 'normal'
      : { preset: 'errors-warnings', version: true, timings: true },
    // Two files and no more: the first chunk and the page's. Splitting React out of the page's chunk as well
    // would add a third request to a cold visit and save nothing the hashed names do not already cache.
    optimization: { splitChunks: false, removeAvailableModules: true },
    devServer,
    performance: { hints: false },
  };
}
