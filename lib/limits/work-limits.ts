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
