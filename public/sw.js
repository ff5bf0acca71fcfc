// The entry page for officers with a weak or no signal. It keeps on this device a copy of the
// weekly entry page (/nhap-lieu) as last opened and the build's static files, so the page opens
// with no network; figures typed then wait in the page's own queue (components/entry/outbox.ts)
// and are sent with their request ids when the network is back. Nothing else is touched:
// public pages, API calls and every write go to the network as if this worker did not exist.
// Plain JavaScript on purpose: a worker is served as is, outside the build.

// The user's page and the build's files apart: signing out forgets the first only.
const PAGE_CACHE = "de-an-06-page-v1";
const FILES_CACHE = "de-an-06-files-v1";
/** Old builds' files go first beyond this many (a file is a few kB to a few hundred). */
const MAX_FILES = 300;
const ENTRY_PAGE = "/nhap-lieu";
/** On a weak signal the copy on the device is shown after this long; the network copy still refreshes it. */
const NETWORK_WAIT_MS = 6000;
const SAVED_ON_DEVICE = "x-saved-on-device";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name !== PAGE_CACHE && name !== FILES_CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const message = event.data ?? {};
  const reply = (answer) => event.ports[0]?.postMessage(answer);
  if (message.type === "keep" && Array.isArray(message.urls)) {
    event.waitUntil(keep(message.urls.slice(0, 200)).then(reply, () => reply({ kept: false })));
  } else if (message.type === "forget") {
    // Signing out: the copy holds this user's page.
    event.waitUntil(caches.delete(PAGE_CACHE).then(() => reply({ forgotten: true })));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) event.respondWith(staticFile(event));
  else if (request.mode === "navigate" && isEntryPage(url)) event.respondWith(entryPage(event));
});

function isEntryPage(url) {
  return url.pathname === ENTRY_PAGE || url.pathname === `${ENTRY_PAGE}/`;
}

/** Build files are named by their content: a copy on the device is always right. Kept for the entry page only. */
async function staticFile(event) {
  const cache = await caches.open(FILES_CACHE);
  const kept = await cache.match(event.request);
  if (kept) return kept;
  const response = await fetch(event.request);
  const client = event.clientId ? await self.clients.get(event.clientId) : null;
  if (response.ok && client && isEntryPage(new URL(client.url))) await keepFile(cache, event.request, response.clone());
  return response;
}

async function keepFile(cache, request, response) {
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_FILES))) await cache.delete(old);
}

/** The network's page when it answers in time; else the copy on the device; else a page that says so. */
async function entryPage(event) {
  const request = event.request;
  const fromNetwork = fetch(request).then(async (response) => {
    await keepPage(request.url, response.clone());
    return response;
  });
  event.waitUntil(fromNetwork.catch(() => undefined));
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  try {
    const answer = await Promise.race([fromNetwork, timeout]);
    if (answer) return answer;
  } catch {
    // No network: the copy below.
  }
  const copy = await savedPage(request.url);
  if (copy) return copy;
  // Slow but not gone: wait for the network after all.
  return fromNetwork.catch(() => noCopyPage());
}

/** Keeps a signed-in entry page (not a redirect to sign-in, not an error) under its address and as the latest. */
async function keepPage(url, response) {
  const finalUrl = new URL(response.url || url);
  if (!response.ok || response.redirected || !isEntryPage(finalUrl)) return;
  const cache = await caches.open(PAGE_CACHE);
  const body = await response.blob();
  const headers = new Headers(response.headers);
  headers.set(SAVED_ON_DEVICE, new Date().toISOString());
  const copy = () => new Response(body, { status: 200, headers });
  await cache.put(url, copy());
  await cache.put(ENTRY_PAGE, copy());
}

async function savedPage(url) {
  const cache = await caches.open(PAGE_CACHE);
  return (await cache.match(url, { ignoreVary: true })) ?? (await cache.match(ENTRY_PAGE, { ignoreVary: true }));
}

/** The page asks to keep what it was loaded with before this worker controlled it. */
async function keep(urls) {
  const files = await caches.open(FILES_CACHE);
  for (const text of urls) {
    const url = new URL(text, self.location.origin);
    if (url.origin !== self.location.origin) continue;
    if (url.pathname.startsWith("/_next/static/")) {
      if (!(await files.match(url.href))) {
        const response = await fetch(url.href);
        if (response.ok) await keepFile(files, url.href, response);
      }
    } else if (isEntryPage(url)) {
      await keepPage(url.href, await fetch(url.href, { credentials: "same-origin" }));
    }
  }
  return { kept: true };
}

function noCopyPage() {
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Không có mạng – Đề án 06</title>
<body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>Không có mạng</h1>
<p>Trang nhập số liệu chưa được lưu trên máy này. Khi có mạng, mở trang <a href="${ENTRY_PAGE}">Số liệu tuần</a> một lần;
sau đó trang mở được cả khi mất mạng.</p></body></html>`;
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}
