/*
 * Tend's service worker: the app opens without a network, and push notifications reach the device.
 *
 * - Pages (navigations) are network-first; offline they get the cached app shell (index.html), and the
 *   app shows what it keeps on the device (drafts) until it can send them.
 * - Built assets (/assets/*, hashed names, never change) and icons are cache-first, cached as fetched.
 * - /api is never cached: its answers are about a person (reflections, results, notices), and a shared
 *   or lost phone must not hold them. Offline, /api requests simply fail and the app says so.
 */
const shellCache = 'tend-shell-v1';
const assetCache = 'tend-assets-v1';
const shell = ['/', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];

/** The built scripts and styles index.html loads (hashed names this file cannot know in advance). */
async function shellAssets(cache) {
  const page = await cache.match('/');
  if (!page) return [];
  const html = await page.text();
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(shellCache);
      await cache.addAll(shell);
      await (await caches.open(assetCache)).addAll(await shellAssets(cache));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  const current = new Set([shellCache, assetCache]);
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => !current.has(name)).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;

  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && response.headers.get('content-type')?.includes('text/html')) {
            const copy = response.clone();
            caches.open(shellCache).then((cache) => cache.put('/', copy));
          }
          return response;
        })
        .catch(() =>
          caches.match('/', { cacheName: shellCache }).then((cached) => cached ?? Response.error()),
        ),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/')) {
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(assetCache).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});

/* Push: the payload is the notice's own title, body and link, which are about the recipient only. */
self.addEventListener('push', (event) => {
  let notice = { title: 'Tend', body: 'You have a new notice in Tend.', link: '/notices', kind: 'notice' };
  try {
    if (event.data) notice = { ...notice, ...event.data.json() };
  } catch {
    // A payload that is not JSON still tells the person to look in Tend.
  }
  event.waitUntil(
    self.registration.showNotification(notice.title, {
      body: notice.body,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-maskable-192.png',
      tag: notice.kind,
      data: { link: notice.link || '/notices' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const link = new URL(event.notification.data?.link || '/notices', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) return open.navigate(link).then((client) => (client ?? open).focus());
      return self.clients.openWindow(link);
    }),
  );
});
