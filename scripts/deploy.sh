#!/bin/sh
# The deploy recipe of README's "Deploy", from a fresh clone: `sh scripts/deploy.sh` with SESSION_SECRET and PORT
# set. test/e2e/deploy.test.ts follows it line by line on a fresh copy, up to the page's hellos in Chromium.
set -e
npm ci                                         # everything, dev dependencies included: the build needs them
npm run build                                  # build/: the server in JavaScript; dist/: the client, hashed
npm prune --omit=dev                           # drops TypeScript, webpack, jest, Chromium's driver...
NODE_ENV=production node build/server/index.js # with SESSION_SECRET and PORT set in its environment
