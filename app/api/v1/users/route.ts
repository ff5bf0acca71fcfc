import { NextResponse } from "next/server";
import { signedInRoute } from "@/lib/api/signed-in-route";
import { manageUser } from "@/lib/auth/manage-users";
import { db } from "@/lib/db/client";

/** Creates, disables, enables or resets the password of an account in the admin's scope. */
export async function POST(request: Request) {
  return signedInRoute(request, async (actor, body) => NextResponse.json(await manageUser(db(), actor, body)));
}
