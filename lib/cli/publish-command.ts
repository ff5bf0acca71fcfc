import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { reportDueSettings } from "@/lib/env";
import { publishEdition } from "@/lib/publication/publish-edition";

const CLI_ACTOR: Actor = { id: 0, username: "cli", displayName: "Dòng lệnh", role: "MINISTRY_ADMIN", unitId: null };

/**
 * `publish [--week YYYY-MM-DD]`: publishes the week's official ranking as the next edition
 * (default: the latest week whose ministry approval time has passed). Safe to run from cron
 * every hour: a week already published with nothing changed since makes no new edition.
 */
export async function runPublish(flags: { week?: string }): Promise<number> {
  const outcome = await publishEdition(
    db(),
    CLI_ACTOR,
    { requestId: randomUUID(), week: flags.week },
    reportDueSettings(),
  );
  console.log(
    outcome.created
      ? `Bản công bố số ${outcome.number} (tuần ${outcome.week}): ${outcome.corrections} đính chính.`
      : `Không có gì thay đổi: bản công bố số ${outcome.number} (tuần ${outcome.week}) vẫn là bản mới nhất; 0 đính chính.`,
  );
  return 0;
}
