import type { ReactNode } from "react";

import { requirePageUser } from "@/lib/auth/next-auth/session";
import type { Capability } from "@/lib/auth/roles";

/**
 * A layout that checks a capability before anything of its segment renders. A segment with a
 * loading.tsx needs one: the loading boundary sits between the layout and the page, so by the time
 * the page's own check calls forbidden() the skeleton has streamed with status 200. Checked here,
 * the role that may not see the page gets a real 403.
 */
export function capabilityLayout(capability: Capability) {
  return async function CapabilityLayout({ children }: { children: ReactNode }) {
    await requirePageUser(capability);
    return children;
  };
}
