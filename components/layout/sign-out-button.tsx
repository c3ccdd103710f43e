"use client";

import { signOut } from "next-auth/react";
import { buttonClass } from "@/components/ui/button";

// A link, so that a click before the page's JavaScript has loaded still reaches next-auth's own
// sign-out confirmation instead of doing nothing.
export function SignOutButton() {
  return (
    <a
      href="/api/auth/signout"
      className={buttonClass("ghost")}
      role="button"
      onClick={(event) => {
        event.preventDefault();
        void signOut({ callbackUrl: "/sign-in" });
      }}
    >
      Sign out
    </a>
  );
}
