import { toastDismissed } from './notificationsSlice';
import { useAppDispatch, useAppSelector } from '../../hooks';

/** Pushed info and warning notifications, each until dismissed. */
export function NotificationToasts() {
  const dispatch = useAppDispatch();
  const toasts = useAppSelector((state) => state.notifications.toasts);
  if (toasts.length === 0) return null;
  return (
    <ul className="toasts" aria-label="notifications">
      {toasts.map((toast) => (
        <li
          key={toast.id}
          className={`toast toast-${toast.kind}`}
          role={toast.kind === 'warning' ? 'alert' : 'status'}
        >
          <span>{toast.text}</span>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => dispatch(toastDismissed(toast.id))}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
