import { redirect } from "next/navigation";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { UnauthenticatedError } from "@/lib/errors";
import { auth } from "./auth";
import { toActor } from "./users";

/** The signed-in user, re-read from the database: null when signed out, disabled or their session version moved on. */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  if (!session?.actorId) return null;
  const user = await db().appUser.findUnique({ where: { id: session.actorId } });
  if (!user || user.disabled || user.sessionVersion !== session.sessionVersion) return null;
  return toActor(user);
}

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireActorForPage(returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/dang-nhap?next=${encodeURIComponent(returnTo)}`);
  return actor;
}

/** For route handlers and server actions: the signed-in user, or UnauthenticatedError (401). */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
