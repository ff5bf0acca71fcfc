"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  changeOwnSaves,
  markSent,
  othersWaiting,
  ownSaves,
  type QueuedSave,
  queueSave,
  readOutbox,
  readSendAnswer,
  readSubmitAnswer,
  type SendAnswer,
  settle,
} from "./outbox";
import type { Change } from "./use-entry-cells";

/** While saves wait, sending is tried this often too: a phone can say it is online with no signal. */
const RETRY_MS = 30_000;

/**
 * The device's queue of saves (and report submissions) made with no network (see outbox.ts), kept in this browser's
 * storage per user, and its sending: when the page opens, when the browser says the network
 * is back, every 30 s while something waits, or on the user's click. Saves go out one at a
 * time in the order they were made, each with its own request id, through the same service as
 * the form's saves (POST /api/v1/entry/figures, which stays the same across releases while a
 * phone may keep an old page for days). Tabs take turns through a Web Lock.
 *
 * On a shared device the queue holds the saves of the page's user only: each save names its
 * owner, only the owner's saves are shown and sent, and the server refuses a save sent under
 * another session. Other accounts' saves on the device are counted (`others`), never sent here.
 */
export function useOutbox(
  userId: number,
  handlers: {
    /** The queue as the page opens, before anything is sent: its figures are shown in the form. */
    loaded: (queue: QueuedSave[]) => void;
    answered: (save: QueuedSave, answer: SendAnswer) => void;
  },
) {
  const [queue, setQueue] = useState<QueuedSave[]>([]);
  const [others, setOthers] = useState(0);
  const [online, setOnline] = useState(true);
  const [sending, setSending] = useState(false);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const busy = useRef(false);
  /** The server said another account is signed in: only the user's click tries again. */
  const otherSession = useRef(false);

  const update = useCallback(
    (change: (list: QueuedSave[]) => QueuedSave[]) => {
      const next = changeOwnSaves(localStorage, userId, change);
      setQueue(next);
      return next;
    },
    [userId],
  );

  const send = useCallback(
    async (asked = false) => {
      if (busy.current || (otherSession.current && !asked)) return;
      otherSession.current = false;
      busy.current = true;
      setSending(true);
      try {
        await inTurn(async () => {
          for (;;) {
            const first = ownSaves(readOutbox(localStorage, userId), userId)[0];
            if (!first) return;
            // Fixed from here on: what goes out is what stays queued until it is answered.
            const head = update((list) => markSent(list, first.requestId))[0] as QueuedSave;
            const answer = await post(head);
            if (answer.kind === "retry" || answer.kind === "signed-out" || answer.kind === "other-account") {
              // Kept as it is: sent later, by its owner's session.
              if (answer.kind === "other-account") otherSession.current = true;
              latest.current.answered(head, answer);
              return;
            }
            update((list) => settle(list, head.requestId, answer));
            latest.current.answered(head, answer);
          }
        });
      } finally {
        busy.current = false;
        setSending(false);
      }
    },
    [userId, update],
  );

  useEffect(() => {
    const stored = ownSaves(readOutbox(localStorage, userId), userId);
    setQueue(stored);
    setOthers(othersWaiting(localStorage, userId));
    setOnline(navigator.onLine);
    latest.current.loaded(stored);
    if (stored.length && navigator.onLine) void send();
    const wentOnline = () => {
      setOnline(true);
      void send();
    };
    const wentOffline = () => setOnline(false);
    const otherTab = () => {
      setQueue(ownSaves(readOutbox(localStorage, userId), userId));
      setOthers(othersWaiting(localStorage, userId));
    };
    window.addEventListener("online", wentOnline);
    window.addEventListener("offline", wentOffline);
    window.addEventListener("storage", otherTab);
    return () => {
      window.removeEventListener("online", wentOnline);
      window.removeEventListener("offline", wentOffline);
      window.removeEventListener("storage", otherTab);
    };
  }, [userId, send]);

  const waiting = queue.length > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void send(), RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting, send]);

  /** Queues a save; throws with a message for the user when the queue is full. */
  const add = useCallback(
    (save: { week: string; entries: Change[]; requestId: string; sent?: boolean; submit?: string }) =>
      update((list) => queueSave(list, { ...save, owner: userId }, new Date())),
    [update, userId],
  );

  return { queue, others, online, sending, add, send };
}

async function post(save: QueuedSave): Promise<SendAnswer> {
  try {
    if (save.submit) {
      const response = await fetch("/api/v1/entry/reports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          requestId: save.requestId,
          week: save.week,
          unit: save.submit,
          action: "submit",
          owner: save.owner,
        }),
      });
      return await readSubmitAnswer(response);
    }
    const response = await fetch("/api/v1/entry/figures", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ requestId: save.requestId, week: save.week, owner: save.owner, entries: save.entries }),
    });
    return await readSendAnswer(response);
  } catch {
    return { kind: "retry" };
  }
}

/** One tab at a time sends (browsers without Web Locks: each tab on its own; the request ids keep it safe). */
function inTurn(run: () => Promise<void>): Promise<void> {
  return navigator.locks ? navigator.locks.request("de-an-06-hang-cho", run) : run();
}
