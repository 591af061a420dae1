import type { Limits } from '../limits';
import type { AddressBudgets } from './addressBudget';
import { reply } from './reply';
import type { AppSocket, Log } from '../types';

/** A budget that refills continuously at `perSecond`, up to `capacity`. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    now: number = Date.now(),
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes one token if there is one. */
  take(now: number = Date.now()): boolean {
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond,
    );
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Checks every packet a socket sends against its budget before any handler runs. Over budget, the event is
 * refused (in its ack, or as IO_SERVER_ERROR); a socket that keeps sending once refused is disconnected, so a
 * flood costs the server a few hundred cheap checks, not its handlers' work.
 */
export function limitRate(
  socket: AppSocket,
  limits: Limits,
  log: Log,
  budgets: AddressBudgets,
): void {
  const events = new TokenBucket(limits.eventsPerSecond, limits.eventBurst);
  const refusals = new TokenBucket(limits.eventsPerSecond, limits.maxRefusals);
  const address = budgets.addressOf(socket.request);
  const socketError = `Too many messages: at most ${limits.eventsPerSecond} a second (bursts of ${limits.eventBurst}).`;
  // Shared by every connection of the address, so reconnecting does not start a fresh budget.
  const addressError = `Too many messages from your address: at most ${limits.addressEventsPerSecond} a second between its connections.`;

  socket.use((packet, next) => {
    const ownBudget = events.take();
    if (ownBudget && budgets.takeEvent(address)) {
      next();
      return;
    }
    if (!refusals.take()) {
      log(`[socket.io] Disconnected a client that kept sending over its rate limit.`);
      socket.disconnect(true);
      return;
    }
    reply(
      socket,
      packet[0],
      { ok: false, error: ownBudget ? addressError : socketError },
      packet.at(-1),
    );
  });
}
