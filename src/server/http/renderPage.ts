import { APP_CONTAINER_ID, APP_NAME, STATIC_PATH } from '../../shared/config';
import type { PageAssets } from './pageAssets';

// The page is the same in production and development (webpack-dev-server proxies it here); only the script
// names differ (pageAssets.ts). The preload starts the page's chunk downloading beside the first one.
export function renderPage({ scripts, preloads }: PageAssets): string {
  const preloadTags = preloads.map(
    (src) => `\n    <link rel="preload" href="${src}" as="script" />`,
  );
  const scriptTags = scripts.map((src) => `\n    <script src="${src}" defer></script>`);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${APP_NAME}</title>
    <link rel="icon" href="${STATIC_PATH}/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="${STATIC_PATH}/style.css" />${preloadTags.join('')}${scriptTags.join('')}
  </head>
  <body>
    <div id="${APP_CONTAINER_ID}"></div>
  </body>
</html>
`;
}
