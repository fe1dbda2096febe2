/**
 * Registers the service worker (web/public/sw.js) so Tend opens offline and can receive push
 * notifications. Only in the built app: in development Vite serves modules the worker must not cache.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a worker Tend still works online; only the offline shell and push are missing.
    });
  });
}
