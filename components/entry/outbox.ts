import type { FigureConflict, SavedFigure } from "@/lib/entry/save-figures";
import type { Change } from "./use-entry-cells";

/**
 * A save made with no network, kept on the device until the server answers it. Its request
 * id is fixed from the start, so sending it again after a lost answer never writes twice.
 */
export type QueuedSave = {
  requestId: string;
  /**
   * The user the page that made it was shown to. Only their session sends it (the server
   * refuses it under any other); on a shared device it waits for them to sign in again.
   */
  owner: number;
  week: string;
  entries: Change[];
  /** When it was saved on the device (ISO). */
  savedAt: string;
  /** Sent at least once without an answer: the server may hold it, so it must not change. */
  sent: boolean;
  /**
   * A report submitted with no network: the unit whose week it submits (`entries` is empty).
   * It waits behind the saves queued before it, so the report goes up with its figures.
   */
  submit?: string;
};

/** What the server said to a queued save; `retry` keeps it for later (no network, server busy). */
export type SendAnswer =
  | { kind: "saved"; figures: SavedFigure[] }
  /** A queued report submission was accepted. */
  | { kind: "submitted" }
  | { kind: "conflict"; conflicts: FigureConflict[] }
  | { kind: "refused"; message: string }
  | { kind: "signed-out" }
  /** Another account is signed in on this device now: the save stays for its owner. */
  | { kind: "other-account" }
  | { kind: "retry" };

const MAX_QUEUED = 200;

/** One queue per user: figures queued by one person are never sent under another's session. */
export function outboxKey(userId: number): string {
  return `de-an-06:hang-cho:${userId}`;
}

/**
 * The queue as stored under the user's key, every save in it whoever owns it; anything
 * unreadable (an old format, a hand edit) reads as empty. A save from before owners were
 * recorded was made by the page of the user whose key holds it.
 */
export function readOutbox(storage: Pick<Storage, "getItem">, userId: number): QueuedSave[] {
  try {
    const list = JSON.parse(storage.getItem(outboxKey(userId)) ?? "[]");
    return Array.isArray(list)
      ? list.filter(isQueuedSave).map((s) => (typeof s.owner === "number" ? s : { ...s, owner: userId }))
      : [];
  } catch {
    return [];
  }
}

/** The saves the user's page may show and send: theirs alone. */
export function ownSaves(list: QueuedSave[], userId: number): QueuedSave[] {
  return list.filter((s) => s.owner === userId);
}

/** Changes the user's own saves under their key; anyone else's found there stay as they are. */
export function changeOwnSaves(
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">,
  userId: number,
  change: (own: QueuedSave[]) => QueuedSave[],
): QueuedSave[] {
  const stored = readOutbox(storage, userId);
  const own = change(ownSaves(stored, userId));
  writeOutbox(storage, userId, [...stored.filter((s) => s.owner !== userId), ...own]);
  return own;
}

/** How many saves on this device were made by other accounts: never sent under this user, kept for them. */
export function othersWaiting(storage: Pick<Storage, "length" | "key" | "getItem">, userId: number): number {
  let count = 0;
  for (let i = 0; i < storage.length; i++) {
    const owner = /^de-an-06:hang-cho:(\d+)$/.exec(storage.key(i) ?? "")?.[1];
    if (owner === undefined) continue;
    count += readOutbox(storage, Number(owner)).filter((s) => s.owner !== userId).length;
  }
  return count;
}

export function writeOutbox(storage: Pick<Storage, "setItem" | "removeItem">, userId: number, list: QueuedSave[]) {
  if (list.length) storage.setItem(outboxKey(userId), JSON.stringify(list));
  else storage.removeItem(outboxKey(userId));
}

/**
 * Adds a save to the queue. A save of the same week behind one not yet sent is merged into it
 * (a figure typed twice is sent once, with its latest value); behind one already sent it
 * waits as a save of its own, with the version the user read.
 */
export function queueSave(
  list: QueuedSave[],
  save: { week: string; entries: Change[]; requestId: string; owner: number; sent?: boolean; submit?: string },
  now: Date,
): QueuedSave[] {
  // A week's report is submitted once: queued again, it stays where it was.
  if (save.submit && list.some((s) => s.submit === save.submit && s.week === save.week && s.owner === save.owner))
    return list;
  const last = list.at(-1);
  if (
    last &&
    !last.sent &&
    !save.sent &&
    !last.submit &&
    !save.submit &&
    last.week === save.week &&
    last.owner === save.owner
  ) {
    const entries = [...last.entries];
    for (const change of save.entries) {
      const at = entries.findIndex((e) => e.unit === change.unit && e.indicator === change.indicator);
      if (at >= 0) entries[at] = { ...change, version: (entries[at] as Change).version };
      else entries.push(change);
    }
    return [...list.slice(0, -1), { ...last, entries, savedAt: now.toISOString() }];
  }
  if (list.length >= MAX_QUEUED) throw new Error("Hàng chờ trên máy đã đầy; cần có mạng để gửi trước.");
  return [
    ...list,
    {
      requestId: save.requestId,
      owner: save.owner,
      week: save.week,
      entries: save.entries,
      savedAt: now.toISOString(),
      sent: !!save.sent,
      ...(save.submit ? { submit: save.submit } : {}),
    },
  ];
}

/** Marks a save as sent, before it goes out: from then on its content is fixed. */
export function markSent(list: QueuedSave[], requestId: string): QueuedSave[] {
  return list.map((s) => (s.requestId === requestId ? { ...s, sent: true } : s));
}

/**
 * Takes an answered save off the queue. When it was saved, the saves behind it (not yet
 * sent) now build on the versions it wrote, so they do not conflict with the user's own figures.
 */
export function settle(list: QueuedSave[], requestId: string, answer: SendAnswer): QueuedSave[] {
  const rest = list.filter((s) => s.requestId !== requestId);
  if (answer.kind !== "saved") return rest;
  const written = new Map(answer.figures.map((f) => [`${f.unit}:${f.indicator}`, f.version]));
  return rest.map((s) =>
    s.sent
      ? s
      : {
          ...s,
          entries: s.entries.map((e) => ({ ...e, version: written.get(`${e.unit}:${e.indicator}`) ?? e.version })),
        },
  );
}

/** Reads the answer of POST /api/v1/entry/reports to a queued submission. */
export async function readSubmitAnswer(response: Response): Promise<SendAnswer> {
  if (response.status === 200) return { kind: "submitted" };
  const answer = await readSendAnswer(response);
  return answer.kind === "saved" ? { kind: "submitted" } : answer;
}

/** Reads the answer of POST /api/v1/entry/figures to a queued save. */
export async function readSendAnswer(response: Response): Promise<SendAnswer> {
  const body = (await response.json().catch(() => null)) as {
    status?: string;
    figures?: SavedFigure[];
    conflicts?: FigureConflict[];
    error?: { message?: string; param?: string };
  } | null;
  if (response.status === 200 && body?.status === "saved") return { kind: "saved", figures: body.figures ?? [] };
  if (response.status === 409 && body?.conflicts) return { kind: "conflict", conflicts: body.conflicts };
  if (response.status === 401) return { kind: "signed-out" };
  // Made for the user of the page, not for the one signed in now: it waits for its owner.
  if (response.status === 403 && body?.error?.param === "owner") return { kind: "other-account" };
  // Busy, limited or failing for now: the same request later changes nothing twice.
  if (response.status === 429 || response.status >= 500 || !body) return { kind: "retry" };
  return { kind: "refused", message: body.error?.message ?? `Máy chủ từ chối (mã ${response.status}).` };
}

function isQueuedSave(value: unknown): value is QueuedSave {
  const s = value as QueuedSave;
  return (
    typeof s === "object" &&
    s !== null &&
    typeof s.requestId === "string" &&
    (s.owner === undefined || typeof s.owner === "number") &&
    (s.submit === undefined || typeof s.submit === "string") &&
    typeof s.week === "string" &&
    typeof s.savedAt === "string" &&
    Array.isArray(s.entries)
  );
}
