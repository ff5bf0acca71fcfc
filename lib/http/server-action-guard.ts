import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";

type ActionRequest = { started: boolean };

// One store for the server (scripts/start.ts) and the application bundle Next builds, which
// hold separate copies of this module: the store lives on globalThis.
const KEY = Symbol.for("de-an-06.server-action-request");
const shared = globalThis as Record<symbol, AsyncLocalStorage<ActionRequest> | undefined>;
shared[KEY] ??= new AsyncLocalStorage<ActionRequest>();
const store = shared[KEY];

/** Every server action calls this first: from here on, a failure is the action's own (a 500). */
export function serverActionStarted(): void {
  const request = store.getStore();
  if (request) request.started = true;
}

/**
 * A server action request (a POST to a page) whose body Next cannot decode into the
 * action's arguments (a crafted reference, a malformed reply) makes Next answer 500 before
 * any action runs. That is the client's error: it is answered 400, naming it. Once an
 * action has started (serverActionStarted), its failures stay 500.
 */
export function guardServerAction(
  req: IncomingMessage,
  res: ServerResponse,
  serve: () => Promise<void>,
): Promise<void> {
  if (req.method !== "POST" || (req.url ?? "").startsWith("/api/")) return serve();
  const request: ActionRequest = { started: false };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let replaced = false;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status < 500 || request.started) return writeHead(status, ...rest);
    replaced = true;
    // Whatever Next prepared for its own body no longer applies to ours.
    for (const name of ["content-length", "content-encoding", "etag"]) res.removeHeader(name);
    return writeHead(400, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  }) as typeof res.writeHead;
  res.write = ((...args: unknown[]) => (replaced ? true : write(...args))) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (!replaced) return end(...args);
    const callback = args.find((a) => typeof a === "function");
    return end(
      JSON.stringify({
        error: {
          code: "bad_action_body",
          message: "Không đọc được nội dung gửi cho thao tác này; tải lại trang rồi thử lại.",
        },
      }),
      callback,
    );
  }) as typeof res.end;
  return store.run(request, serve);
}
