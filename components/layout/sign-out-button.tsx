"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";

import { buttonClass } from "@/components/ui/button";

// A link, so that a click before the page's JavaScript has loaded still reaches next-auth's own
// sign-out confirmation instead of doing nothing. Never prefetched: it is an API route.
export function SignOutButton() {
  return (
    <Link
      href="/api/auth/signout"
      prefetch={false}
      className={buttonClass("ghost", "whitespace-nowrap")}
      role="button"
      onClick={(event) => {
        event.preventDefault();
        void signOut({ callbackUrl: "/sign-in" });
      }}
    >
      Sign out
    </Link>
  );
}
