// This project's server as production runs it (NODE_ENV=production, the limits read from the environment,
// the default stats interval), with the per-address limits lifted: every benchmark client comes from 127.0.0.1,
// and a thousand of them would otherwise be refused as one abusive address.
import crypto from 'node:crypto';
import { createApp } from '../../src/server/app';
import { deliverPush } from '../../src/server/features/push';
import { readLimits, MAX_COUNT } from '../../src/server/limits';
import { serveControl } from './control';

const limits = {
  ...readLimits(process.env),
  maxConnectionsPerAddress: MAX_COUNT,
  addressHandshakesPerSecond: MAX_COUNT,
  addressHandshakeBurst: MAX_COUNT,
};
const { httpServer, io, adapter } = createApp({
  limits,
  pushToken: crypto.randomBytes(32).toString('base64url'),
});

// The function POST /api/push calls once it has checked the caller, so the push is the app's own; the HTTP
// request around it happens once per push, not once per delivery, and is left out.
serveControl(httpServer, (text) =>
  deliverPush(io, { to: '*', kind: 'info', text }, adapter.healthy),
);
