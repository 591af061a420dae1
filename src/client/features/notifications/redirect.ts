import type { Middleware } from '@reduxjs/toolkit';
import { isInAppPath } from '../../../shared/inAppPath';
import { notificationReceived } from './notificationsSlice';

export type Navigate = (path: string) => void;

export const navigateInPage: Navigate = (path) => window.location.assign(path);

/**
 * Carries out a pushed redirect. The server checks the path too; checking again here means a compromised or
 * misconfigured server still cannot send people to another site.
 */
export function redirectOnPush(navigate: Navigate, warn: (line: string) => void): Middleware {
  return () => (next) => (action) => {
    const result = next(action);
    if (notificationReceived.match(action) && action.payload.kind === 'redirect') {
      const { path } = action.payload;
      if (isInAppPath(path)) navigate(path);
      else
        warn(
          `[socket.io] Ignored a redirect to ${JSON.stringify(path)}: only paths on this site are followed.`,
        );
    }
    return result;
  };
}
