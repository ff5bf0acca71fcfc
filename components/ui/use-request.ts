"use client";

import { useCallback, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import type { NoticeState } from "./notice";

const SESSION_ENDED =
  "Phiên đăng nhập đã hết. Đăng nhập lại ở tab khác rồi thử lại; những gì đang nhập vẫn giữ trên trang này.";

/**
 * Sends writes with a request id and keeps what the user must see: busy while one is on its
 * way, a notice for errors, and the conflicts the server reported. The id of a write is kept
 * until the server answers, so sending the same write again after a lost connection cannot
 * write twice; `key` names what is sent (a save, a report action), so another write never
 * reuses its id.
 */
export function useRequest<Conflict = never>(initialNotice: NoticeState = null) {
  const pending = useRef(new Map<string, string>());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(initialNotice);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);

  const send = useCallback(
    async <T extends object>(
      key: string,
      call: (requestId: string) => Promise<ActionResult<T>>,
      lostConnection: string,
    ): Promise<ActionResult<T> | null> => {
      const requestId = pending.current.get(key) ?? crypto.randomUUID();
      pending.current.set(key, requestId);
      setBusy(true);
      try {
        const result = await call(requestId);
        // The server answered: whatever was lost before either happened or not, and sending it
        // again later is a new request (a figure changed since shows as a conflict).
        pending.current.clear();
        if (!result.ok)
          setNotice({ kind: "error", text: result.status === 401 ? SESSION_ENDED : result.error.message });
        const refused = result.ok && "conflicts" in result.value ? (result.value.conflicts as Conflict[]) : [];
        setConflicts(refused);
        return result;
      } catch {
        setNotice({ kind: "error", text: lostConnection });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  /** Another part of the page took over a write left unanswered (the device's queue): its id goes with it. */
  const forget = useCallback((key: string) => pending.current.delete(key), []);

  return { send, forget, busy, notice, setNotice, conflicts, setConflicts };
}
