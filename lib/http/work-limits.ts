import "server-only";
import { TooBusyError } from "@/lib/errors";

/**
 * At most `running` jobs at once and `waiting` more in line; past that, the job is refused
 * at once (TooBusyError) rather than queued without end. Expensive work that anyone can ask
 * for (a ranking nobody computed yet, an import check) goes through one of these so that
 * its memory and CPU have a ceiling.
 */
export class WorkLimit {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly limits: { running: number; waiting: number; retryAfterSeconds: number; busyMessage: string },
  ) {}

  /** Runs the job when a place is free; `waitWhateverTheQueue` waits even past the queue's bound. */
  async run<T>(job: () => Promise<T>, options: { waitWhateverTheQueue?: boolean } = {}): Promise<T> {
    if (this.active >= this.limits.running) {
      if (this.queue.length >= this.limits.waiting && !options.waitWhateverTheQueue)
        throw new TooBusyError(this.limits.busyMessage, this.limits.retryAfterSeconds);
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await job();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }

  get busy(): number {
    return this.active + this.queue.length;
  }
}

/**
 * At most `perWindow` uses per key (a client address) in any `windowSeconds`, remembered for
 * at most `maxKeys` keys so that the memory it takes is bounded too.
 */
export class RateLimit {
  private readonly uses = new Map<string, number[]>();

  constructor(
    private readonly limits: { perWindow: number; windowSeconds: number; maxKeys: number; message: string },
  ) {}

  /** Counts one use for this key, or throws TooBusyError naming when the next one is allowed. */
  take(key: string, now = Date.now()): void {
    const since = now - this.limits.windowSeconds * 1000;
    const recent = (this.uses.get(key) ?? []).filter((at) => at > since);
    if (recent.length >= this.limits.perWindow) {
      const retryAfter = Math.max(1, Math.ceil(((recent[0] as number) - since) / 1000));
      this.uses.set(key, recent);
      throw new TooBusyError(this.limits.message, retryAfter);
    }
    recent.push(now);
    this.uses.delete(key); // re-inserted last: the oldest keys are forgotten first
    this.uses.set(key, recent);
    while (this.uses.size > this.limits.maxKeys) this.uses.delete(this.uses.keys().next().value as string);
  }
}
