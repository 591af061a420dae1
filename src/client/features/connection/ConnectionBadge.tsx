import { useAppSelector } from '../../hooks';

export function ConnectionBadge() {
  const { status, lastError, reconnectAttempts } = useAppSelector((state) => state.connection);
  const attempts =
    status === 'reconnecting' && reconnectAttempts > 0 ? ` (${reconnectAttempts})` : '';
  return (
    <>
      <p className={`badge badge-${status}`} role="status" aria-label="connection">
        {status}
        {attempts}
      </p>
      {lastError && status !== 'connected' && (
        <p className="error" role="alert">
          {lastError}
        </p>
      )}
    </>
  );
}
