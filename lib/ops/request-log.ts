import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { format } from "node:util";
import pino, { type Logger } from "pino";
import type { TrustProxy } from "@/lib/http/front-door";
import { CLIENT_ADDRESS_HEADER } from "@/lib/limits/client-address";

// One JSON line per request and per error (pino), each with the request's id: the one a
// trusted proxy in front sent as X-Request-Id (nginx's $request_id), else a new one. The id
// is echoed in the response, so a user's report or a proxy's log finds the same line.

export const REQUEST_ID_HEADER = "x-request-id";
const REQUEST_ID = /^[\w.:-]{1,128}$/;
const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "de-an-06" }, timestamp: pino.stdTimeFunctions.isoTime });
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Gives the request its id, runs it inside that id's context, and logs it when the response is done. */
export function withRequestLog(logger: Logger, trustProxy: TrustProxy, handle: Handler): Handler {
  return (req, res) => {
    const began = performance.now();
    const sent = req.headers[REQUEST_ID_HEADER];
    const fromProxy =
      trustProxy(req.socket.remoteAddress ?? "", 0) && typeof sent === "string" && REQUEST_ID.test(sent);
    const requestId = fromProxy ? (sent as string) : randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("X-Request-Id", requestId);
    res.once("close", () => {
      const url = (req.url ?? "/").slice(0, 512);
      logger.info({
        requestId,
        method: req.method,
        path: url.split("?")[0],
        query: url.includes("?") ? url.slice(url.indexOf("?") + 1) : undefined,
        status: res.statusCode,
        ms: Math.round(performance.now() - began),
        client: req.headers[CLIENT_ADDRESS_HEADER],
        aborted: res.writableFinished ? undefined : true,
      });
    });
    requestContext.run({ requestId }, () => handle(req, res));
  };
}

/**
 * Sends console.error and console.warn (where Next and libraries report errors) to the
 * logger as JSON, with the id of the request they happened in.
 */
export function routeConsoleToLogger(logger: Logger): void {
  const forward =
    (level: "error" | "warn") =>
    (...args: unknown[]) => {
      const err = args.find((a) => a instanceof Error);
      const requestId = requestContext.getStore()?.requestId;
      logger[level](
        { requestId, err },
        format(...args.filter((a) => a !== err)) || (err as Error | undefined)?.message,
      );
    };
  console.error = forward("error");
  console.warn = forward("warn");
}
