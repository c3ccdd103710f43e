import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/next-auth/session";
import { noteDatabaseUnavailable } from "@/lib/db/health";
import { isDatabaseUnavailable } from "@/lib/errors";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  let user: CurrentUser | null;
  try {
    user = await getCurrentUser();
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error("[trustmap] database unavailable while loading the portal:", (error as Error).message);
      // This response's status is already 200; proxy.ts answers the next ones with a 503.
      noteDatabaseUnavailable();
      return <DatabaseUnavailable />;
    }
    throw error;
  }
  if (!user) redirect("/sign-in");
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
