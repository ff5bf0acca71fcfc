import { describe, expect, it } from "vitest";
import * as outbox from "@/components/entry/outbox";

// The device's queue of saves made with no network: how saves merge, what a sent save keeps,
// and how the saves behind one that was written build on its versions.

const WEEK = "2026-11-29";
const at = new Date("2026-12-01T03:00:00Z");
const intake = (value: number, version = 3) => ({ unit: "00004", indicator: "CCCD_INTAKE", value, version });
const issued = (value: number, version = 1) => ({ unit: "00004", indicator: "CCCD_ISSUED", value, version });

describe("outbox.queueSave", () => {
  it("merges a save into the one before it while that one has not gone out, keeping the version read first", () => {
    let list = outbox.queueSave([], { week: WEEK, entries: [intake(100)], requestId: "a", owner: 7 }, at);
    list = outbox.queueSave(list, { week: WEEK, entries: [intake(120, 3), issued(50)], requestId: "b", owner: 7 }, at);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ requestId: "a", sent: false, entries: [intake(120), issued(50)] });
  });

  it("never changes a save that went out unanswered: the next one waits on its own", () => {
    let list = outbox.queueSave([], { week: WEEK, entries: [intake(100)], requestId: "a", owner: 7, sent: true }, at);
    list = outbox.queueSave(list, { week: WEEK, entries: [intake(120)], requestId: "b", owner: 7 }, at);
    expect(list.map((s) => [s.requestId, s.sent, s.entries[0]?.value])).toEqual([
      ["a", true, 100],
      ["b", false, 120],
    ]);
    const marked = outbox.markSent(
      outbox.queueSave([], { week: WEEK, entries: [intake(1)], requestId: "c", owner: 7 }, at),
      "c",
    );
    expect(outbox.queueSave(marked, { week: WEEK, entries: [intake(2)], requestId: "d", owner: 7 }, at)).toHaveLength(
      2,
    );
  });

  it("keeps a report submission behind the saves before it, never merges a save into it, and queues it once", () => {
    let list = outbox.queueSave([], { week: WEEK, entries: [intake(100)], requestId: "a", owner: 7 }, at);
    list = outbox.queueSave(list, { week: WEEK, entries: [], requestId: "r", owner: 7, submit: "00004" }, at);
    list = outbox.queueSave(list, { week: WEEK, entries: [], requestId: "r2", owner: 7, submit: "00004" }, at);
    list = outbox.queueSave(list, { week: WEEK, entries: [issued(50)], requestId: "b", owner: 7 }, at);
    expect(list.map((s) => [s.requestId, s.submit ?? null, s.entries.length])).toEqual([
      ["a", null, 1],
      ["r", "00004", 0],
      ["b", null, 1],
    ]);
    expect(outbox.readOutbox({ getItem: () => JSON.stringify(list) }, 7)).toHaveLength(3);
  });

  it("reads the answer to a queued submission: accepted, refused, or kept for later", async () => {
    const answer = (status: number, body: unknown) =>
      outbox.readSubmitAnswer(new Response(JSON.stringify(body), { status }));
    expect(await answer(200, { status: "SUBMITTED", replayed: false, message: "ok" })).toEqual({ kind: "submitted" });
    expect(await answer(423, { error: { message: "Đã duyệt" } })).toEqual({ kind: "refused", message: "Đã duyệt" });
    expect(await answer(503, { error: { message: "bận" } })).toEqual({ kind: "retry" });
    expect(await answer(401, { error: { message: "hết phiên" } })).toEqual({ kind: "signed-out" });
  });

  it("keeps other weeks apart", () => {
    const list = outbox.queueSave(
      outbox.queueSave([], { week: WEEK, entries: [intake(1)], requestId: "a", owner: 7 }, at),
      { week: "2026-11-22", entries: [intake(2)], requestId: "b", owner: 7 },
      at,
    );
    expect(list.map((s) => s.week)).toEqual([WEEK, "2026-11-22"]);
  });
});

describe("outbox.settle", () => {
  it("takes the answered save off and moves the waiting saves onto the versions it wrote", () => {
    let list = outbox.queueSave([], { week: WEEK, entries: [intake(100)], requestId: "a", owner: 7, sent: true }, at);
    list = outbox.queueSave(list, { week: WEEK, entries: [intake(120), issued(7)], requestId: "b", owner: 7 }, at);
    const after = outbox.settle(list, "a", {
      kind: "saved",
      figures: [{ unit: "00004", indicator: "CCCD_INTAKE", value: 100, denominator: null, version: 4 }],
    });
    expect(after).toEqual([expect.objectContaining({ requestId: "b", entries: [intake(120, 4), issued(7, 1)] })]);
  });

  it("drops a refused or conflicting save without touching the others", () => {
    const list = [
      { requestId: "a", owner: 7, week: WEEK, entries: [intake(1)], savedAt: at.toISOString(), sent: true },
      { requestId: "b", owner: 7, week: WEEK, entries: [intake(2)], savedAt: at.toISOString(), sent: false },
    ] satisfies outbox.QueuedSave[];
    expect(outbox.settle(list, "a", { kind: "refused", message: "khoá" })).toEqual([list[1]]);
  });
});

describe("the stored queue", () => {
  it("belongs to one user and reads anything unreadable as empty", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    };
    const list = outbox.queueSave([], { week: WEEK, entries: [intake(5)], requestId: "a", owner: 7 }, at);
    outbox.writeOutbox(storage, 7, list);
    expect(outbox.readOutbox(storage, 7)).toEqual(list);
    expect(outbox.readOutbox(storage, 8)).toEqual([]);
    store.set("de-an-06:hang-cho:9", "{not json");
    expect(outbox.readOutbox(storage, 9)).toEqual([]);
    outbox.writeOutbox(storage, 7, []);
    expect(store.size).toBe(1);
  });
});

/** localStorage as a browser has it: keys can be listed. */
function memoryStorage() {
  const store = new Map<string, string>();
  return {
    store,
    get length() {
      return store.size;
    },
    key: (i: number) => [...store.keys()][i] ?? null,
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
  };
}

describe("a shared device", () => {
  const saveOf = (owner: number, requestId: string) =>
    outbox.queueSave([], { week: WEEK, entries: [intake(owner)], requestId, owner }, at)[0] as outbox.QueuedSave;

  it("never merges one user's save into another's", () => {
    const list = outbox.queueSave([saveOf(7, "a")], { week: WEEK, entries: [intake(9)], requestId: "b", owner: 8 }, at);
    expect(list.map((s) => [s.requestId, s.owner])).toEqual([
      ["a", 7],
      ["b", 8],
    ]);
  });

  it("sends and shows only the page user's saves, keeps the others' as they are and counts them", () => {
    const storage = memoryStorage();
    // Officer 7 saved offline; officer 8 signs in on the same device.
    outbox.writeOutbox(storage, 7, [saveOf(7, "a"), saveOf(7, "b")]);
    // A save of officer 7 that found its way under officer 8's key (a page shown to the wrong user).
    outbox.writeOutbox(storage, 8, [saveOf(7, "c"), saveOf(8, "d")]);
    storage.setItem("something-else", "[]");

    expect(outbox.ownSaves(outbox.readOutbox(storage, 8), 8).map((s) => s.requestId)).toEqual(["d"]);
    expect(outbox.othersWaiting(storage, 8)).toBe(3);
    expect(outbox.othersWaiting(storage, 7)).toBe(1);

    // Officer 8's page sends and settles its own save: officer 7's saves stay, unchanged.
    const before7 = storage.getItem("de-an-06:hang-cho:7");
    const left = outbox.changeOwnSaves(storage, 8, (own) =>
      outbox.settle(outbox.markSent(own, "d"), "d", { kind: "saved", figures: [] }),
    );
    expect(left).toEqual([]);
    expect(outbox.readOutbox(storage, 8).map((s) => [s.requestId, s.owner, s.sent])).toEqual([["c", 7, false]]);
    expect(storage.getItem("de-an-06:hang-cho:7")).toBe(before7);
    expect(outbox.othersWaiting(storage, 8)).toBe(3);

    // Officer 7 signs in again: their saves are theirs to send.
    expect(outbox.ownSaves(outbox.readOutbox(storage, 7), 7).map((s) => s.requestId)).toEqual(["a", "b"]);
  });

  it("reads a save stored before owners were recorded as the save of the user whose queue holds it", () => {
    const storage = memoryStorage();
    const { owner: _, ...old } = saveOf(7, "a");
    storage.setItem("de-an-06:hang-cho:7", JSON.stringify([old]));
    expect(outbox.readOutbox(storage, 7)).toEqual([{ ...old, owner: 7 }]);
    expect(outbox.othersWaiting(storage, 8)).toBe(1);
    expect(outbox.othersWaiting(storage, 7)).toBe(0);
  });
});

describe("outbox.readSendAnswer", () => {
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

  it("reads saved, conflict, signed-out and refused answers, and keeps a save for later on 5xx, 429 or a cut body", async () => {
    expect(await outbox.readSendAnswer(json(200, { status: "saved", figures: [] }))).toEqual({
      kind: "saved",
      figures: [],
    });
    expect((await outbox.readSendAnswer(json(409, { status: "conflict", conflicts: [] }))).kind).toBe("conflict");
    expect((await outbox.readSendAnswer(json(401, { error: { message: "x" } }))).kind).toBe("signed-out");
    // Another account is signed in: the save waits for its owner, it is not dropped as refused.
    expect(await outbox.readSendAnswer(json(403, { error: { param: "owner", message: "khác" } }))).toEqual({
      kind: "other-account",
    });
    expect((await outbox.readSendAnswer(json(403, { error: { message: "Không có quyền." } }))).kind).toBe("refused");
    expect(await outbox.readSendAnswer(json(423, { error: { message: "Đã khoá." } }))).toEqual({
      kind: "refused",
      message: "Đã khoá.",
    });
    expect((await outbox.readSendAnswer(json(503, { error: { message: "bận" } }))).kind).toBe("retry");
    expect((await outbox.readSendAnswer(json(429, { error: { message: "chậm lại" } }))).kind).toBe("retry");
    expect((await outbox.readSendAnswer(new Response('{"status":', { status: 200 }))).kind).toBe("retry");
  });
});
