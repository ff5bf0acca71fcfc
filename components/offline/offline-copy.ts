"use client";

import { useEffect, useState } from "react";

/** Asks the entry page's service worker (public/sw.js) something and waits for its reply. */
function askWorker(worker: ServiceWorker, message: object): Promise<unknown> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
  });
}

/**
 * Installs the service worker that keeps this page on the device and tells whether the copy
 * is there. On the first visit the page loaded before the worker ran, so the worker is handed
 * the page's address and build files to keep; later visits pass through it and stay fresh.
 */
export function useOfflineCopy(): boolean {
  const [kept, setKept] = useState(false);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let cancelled = false;
    const controlled = navigator.serviceWorker.controller !== null;
    // With no network the update check fails, but the worker installed before still runs.
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
    navigator.serviceWorker.ready
      .then((registration) => {
        const files = performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter(
            (url) => new URL(url).origin === location.origin && new URL(url).pathname.startsWith("/_next/static/"),
          );
        const urls = controlled ? files : [location.href, ...files];
        return registration.active ? askWorker(registration.active, { type: "keep", urls }) : null;
      })
      .then((answer) => {
        if (!cancelled && (answer as { kept?: boolean } | null)?.kept) setKept(true);
      })
      .catch(() => {
        // No worker (private mode, an old browser): the page works online as before.
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return kept;
}

/**
 * Tells the service worker who is signed in on this device (null: nobody, on the sign-in
 * page), so that with no network it shows that user's copy of the entry page and nobody
 * else's. Only an installed worker is told: other pages do not install it.
 */
export function useSignedInOnDevice(userId: number | null): void {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker
      .getRegistration("/")
      .then((registration) => registration?.active?.postMessage({ type: "user", id: userId }))
      .catch(() => undefined);
  }, [userId]);
}

/** useSignedInOnDevice for server-rendered pages and layouts. */
export function SignedInOnDevice({ userId }: { userId: number | null }): null {
  useSignedInOnDevice(userId);
  return null;
}

/**
 * Signing out: the copy on the device holds the user's page, so it goes. Posted at once, as
 * the page is about to navigate; the worker deletes it even after the page is gone.
 */
export function forgetOfflineCopy(): void {
  navigator.serviceWorker?.controller?.postMessage({ type: "forget" });
}
