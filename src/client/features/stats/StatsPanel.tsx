import { useAppDispatch, useAppSelector } from '../../hooks';
import { subscribeTopic, unsubscribeTopic } from './statsSlice';

/** A toggle for the server's `stats` topic, and its latest tick while on. */
export function StatsPanel() {
  const dispatch = useAppDispatch();
  const { subscribed, latest, error } = useAppSelector((state) => state.stats);

  const toggle = () =>
    void dispatch(subscribed ? unsubscribeTopic('stats') : subscribeTopic('stats'));

  return (
    <section className="stats" aria-label="server stats">
      <label className="row">
        <input type="checkbox" checked={subscribed} onChange={toggle} />
        Live server stats
      </label>
      {error && <p className="error">{error}</p>}
      {subscribed && latest && (
        <dl className="stats-values">
          <dt>Clients</dt>
          <dd>{latest.connectedClients}</dd>
          <dt>Rooms</dt>
          <dd>{latest.rooms}</dd>
          <dt>Uptime</dt>
          <dd>{latest.uptimeSeconds} s</dd>
        </dl>
      )}
    </section>
  );
}
