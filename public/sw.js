// The entry page for officers with a weak or no signal. It keeps on this device a copy of the
// weekly entry page (/nhap-lieu) as last opened and the build's static files, so the page opens
// with no network; figures typed then wait in the page's own queue (components/entry/outbox.ts)
// and are sent with their request ids when the network is back. Nothing else is touched:
// public pages, API calls and every write go to the network as if this worker did not exist.
// Plain JavaScript on purpose: a worker is served as is, outside the build.
//
// A device may be shared: the copy of the page belongs to the user it was shown to. Each user's
// copy is kept apart (the page names its user in data-offline-owner), the worker remembers who
// is signed in now (the pages tell it; the sign-in page says nobody is), and with no network it
// shows only that user's copy, never another's: no copy of their own, the page saying so.

// The users' pages and the build's files apart: signing out forgets the first only.
const PAGE_CACHE_PREFIX = "de-an-06-page-v2-user-";
const FILES_CACHE = "de-an-06-files-v1";
/** Who is signed in on this device as far as the pages said, kept across the worker's restarts. */
const SIGNED_IN_CACHE = "de-an-06-signed-in-v1";
const SIGNED_IN_KEY = "/__nguoi-dang-nhap";
/** Old builds' files go first beyond this many (a file is a few kB to a few hundred). */
const MAX_FILES = 300;
const ENTRY_PAGE = "/nhap-lieu";
/** On a weak signal the copy on the device is shown after this long; the network copy still refreshes it. */
const NETWORK_WAIT_MS = 6000;
const SAVED_ON_DEVICE = "x-saved-on-device";
const SAVED_FOR = "x-saved-for-user";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // The copies of older versions were not kept per user: they go.
      for (const name of await caches.keys())
        if (!name.startsWith(PAGE_CACHE_PREFIX) && name !== FILES_CACHE && name !== SIGNED_IN_CACHE)
          await caches.delete(name);
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
    // Signing out: the copies hold users' pages.
    event.waitUntil(
      (async () => {
        await setSignedIn(null);
        await forgetPages(() => true);
        reply({ forgotten: true });
      })(),
    );
  } else if (message.type === "user" && (message.id === null || isUserId(message.id))) {
    // A page shown to this user (or the sign-in page: nobody) is open on this device now.
    event.waitUntil(setSignedIn(message.id).then(() => reply({ user: message.id })));
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

/**
 * Keeps a signed-in entry page (not a redirect to sign-in, not an error) under its address and
 * as the latest, in the copies of the user it was shown to; that user is the one signed in now.
 */
async function keepPage(url, response) {
  const finalUrl = new URL(response.url || url);
  if (response.redirected && finalUrl.pathname.startsWith("/dang-nhap")) {
    // The session ended: nobody's copy is shown until someone signs in.
    await setSignedIn(null);
    return;
  }
  if (!response.ok || response.redirected || !isEntryPage(finalUrl)) return;
  const body = await response.text();
  const owner = ownerOf(body);
  if (owner === null) return;
  const headers = new Headers(response.headers);
  headers.set(SAVED_ON_DEVICE, new Date().toISOString());
  headers.set(SAVED_FOR, String(owner));
  headers.delete("content-length");
  const copy = () => new Response(body, { status: 200, headers });
  const cache = await caches.open(pageCache(owner));
  await cache.put(url, copy());
  await cache.put(ENTRY_PAGE, copy());
  await setSignedIn(owner);
}

/** The user the page was shown to, as the page names them; null for anything else. */
function ownerOf(html) {
  const owner = /<main\b[^>]*\sdata-offline-owner="(\d{1,10})"/.exec(html)?.[1];
  return owner === undefined ? null : Number(owner);
}

/** The signed-in user's own copy; nothing when nobody is known to be signed in. */
async function savedPage(url) {
  const user = await signedIn();
  if (user === null) return null;
  const cache = await caches.open(pageCache(user));
  const copy = (await cache.match(url, { ignoreVary: true })) ?? (await cache.match(ENTRY_PAGE, { ignoreVary: true }));
  return copy && copy.headers.get(SAVED_FOR) === String(user) ? copy : null;
}

function pageCache(user) {
  return `${PAGE_CACHE_PREFIX}${user}`;
}

function isUserId(id) {
  return Number.isSafeInteger(id) && id > 0;
}

async function signedIn() {
  const kept = await (await caches.open(SIGNED_IN_CACHE)).match(SIGNED_IN_KEY);
  const id = kept ? Number(await kept.text()) : null;
  return isUserId(id) ? id : null;
}

/**
 * Records who is signed in now. When another user signs in, the copies of everyone else's
 * pages leave the device: they are never shown to this user, and their owner's next visit
 * with a network keeps a fresh one.
 */
async function setSignedIn(user) {
  const cache = await caches.open(SIGNED_IN_CACHE);
  if (user === null) {
    await cache.delete(SIGNED_IN_KEY);
    return;
  }
  await cache.put(SIGNED_IN_KEY, new Response(String(user)));
  await forgetPages((name) => name !== pageCache(user));
}

async function forgetPages(which) {
  for (const name of await caches.keys())
    if (name.startsWith(PAGE_CACHE_PREFIX) && which(name)) await caches.delete(name);
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
<p>Trang nhập số liệu của tài khoản đang đăng nhập chưa được lưu trên máy này (trang đã lưu của tài khoản khác
không được hiển thị). Khi có mạng, đăng nhập và mở trang <a href="${ENTRY_PAGE}">Số liệu tuần</a> một lần;
sau đó trang mở được cả khi mất mạng.</p></body></html>`;
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}
