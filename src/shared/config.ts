/** The Express + Socket.IO server listens here unless the PORT environment variable says otherwise. */
export const WEB_PORT = 8000;

/** webpack-dev-server serves the page here in development and proxies the rest to WEB_PORT. */
export const WDS_PORT = 7000;

/** URL prefix under which dist/ (the bundle) and public/ (favicon, styles) are served. */
export const STATIC_PATH = '/static';

/** The file in dist/ where webpack records which file each chunk went to (its names are content-hashed). */
export const ASSET_MANIFEST = 'manifest.json';

export const APP_NAME = 'realtime-stack';

/** The element React renders into. */
export const APP_CONTAINER_ID = 'root';

/** The room every client joins when it connects: the tutorial's hello room. */
export const HELLO_ROOM = 'hello-1234';
