import "server-only";

import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";

import { can, type Actor, type Capability } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { loadSessionUser } from "@/lib/domain/auth/session-user";
import { AppError } from "@/lib/errors";

import { authOptions } from "./options";

export interface CurrentUser extends Actor {
  name: string;
  email: string;
  organizationName: string;
  vendorName: string | null;
}

/**
 * The signed-in user, re-read from the database on every request so that a disabled account, a
 * changed role or a sign-out (which ends the token's session version) takes effect at once rather
 * than when the session token expires.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user) return null;
  const { id: uid, organizationId, sessionVersion: sv } = session.user;
  const user = await loadSessionUser(getDb(), { uid, organizationId, sv });
  if (!user) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organizationId: user.organizationId,
    vendorId: user.vendorId,
    organizationName: user.organization.name,
    vendorName: user.vendor?.name ?? null,
  };
});

/** For pages: redirects to sign-in when signed out; renders the 403 page when not allowed. */
export async function requirePageUser(capability?: Capability): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (capability && !can[capability](user)) forbidden();
  return user;
}

/** For server actions and route handlers: throws AppError, which the caller maps to a result. */
export async function requireActor(capability?: Capability): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  if (capability && !can[capability](user))
    throw new AppError("FORBIDDEN", "You do not have permission to do that.");
  return user;
}
