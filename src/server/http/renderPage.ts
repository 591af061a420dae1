import { APP_CONTAINER_ID, APP_NAME, BUNDLE_PATH, STATIC_PATH } from '../../shared/config';

// The page is the same in production and development (webpack-dev-server proxies it here), so there is one
// template and the bundle URL never changes; the dev server answers that URL from memory before proxying.
export function renderPage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${APP_NAME}</title>
    <link rel="icon" href="${STATIC_PATH}/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="${STATIC_PATH}/style.css" />
  </head>
  <body>
    <div id="${APP_CONTAINER_ID}"></div>
    <script src="${BUNDLE_PATH}" defer></script>
  </body>
</html>
`;
}
