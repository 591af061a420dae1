import type { AdapterHandle } from '../socket/adapter';
import type { AppServer } from '../types';

export interface HealthReport {
  /** "ok", or "degraded" while the adapter cannot reach the other processes (local clients are still served). */
  status: 'ok' | 'degraded';
  uptimeSeconds: number;
  connectedClients: number;
  adapter: { kind: AdapterHandle['kind']; healthy: boolean };
}

export const uptimeSeconds = (startedAt: number): number =>
  Math.round((Date.now() - startedAt) / 1000);

export function healthReport(
  io: AppServer,
  adapter: AdapterHandle,
  startedAt: number,
): HealthReport {
  const healthy = adapter.healthy();
  return {
    status: healthy ? 'ok' : 'degraded',
    uptimeSeconds: uptimeSeconds(startedAt),
    connectedClients: io.engine.clientsCount,
    adapter: { kind: adapter.kind, healthy },
  };
}
