import { useAppSelector } from '../hooks';

export function ConnectionBadge() {
  const status = useAppSelector((state) => state.connection.status);
  return (
    <p className={`badge badge-${status}`} role="status" aria-label="connection">
      {status}
    </p>
  );
}
