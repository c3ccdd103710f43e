import type { Metadata } from "next";
import Link from "next/link";

import {
  AcceptInvitationForm,
  ContinueAsUserButton,
} from "@/app/invite/[token]/_components/accept-invitation-form";
import { Logo } from "@/components/layout/logo";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { inspectInvitation } from "@/lib/domain/invitation/accept-invitation";

export const metadata: Metadata = { title: "Your invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [state, user] = await Promise.all([
    inspectInvitation(getDb(), token),
    getCurrentUser().catch(() => null),
  ]);
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-16">
      <div className="w-full max-w-md">
        <div className="mb-8 flex justify-center">
          <Logo size="lg" />
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          {state.state === "invalid" || state.state === "expired" || state.state === "used" ? (
            <>
              <h1 className="mb-3 text-lg font-semibold">
                {state.state === "expired"
                  ? "This link has expired"
                  : state.state === "used"
                    ? "This link was already used"
                    : "This link does not work"}
              </h1>
              <Alert tone={state.state === "used" ? "info" : "error"}>{state.message}</Alert>
              <Link href="/sign-in" className={`${buttonClass("secondary")} mt-4`}>
                Go to sign-in
              </Link>
            </>
          ) : (
            <>
              <h1 className="text-lg font-semibold">
                {state.organizationName} asks {state.vendorName} for a security assessment
              </h1>
              <p className="mt-2 text-sm text-slate-600">
                You can answer over several days: everything you type is saved as you go, and you can upload
                evidence such as SBOMs and certificates.
              </p>
              <div className="mt-5">
                {state.state === "new_account" ? (
                  <AcceptInvitationForm token={token} email={state.email} defaultName={state.contactName} />
                ) : user && user.email === state.email ? (
                  <ContinueAsUserButton token={token} />
                ) : (
                  <>
                    <Alert tone="info">
                      An account already exists for {state.email}. Sign in to continue
                      {user ? ` (you are signed in as ${user.email})` : ""}.
                    </Alert>
                    <Link
                      href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
                      className={`${buttonClass()} mt-4 w-full`}
                    >
                      Sign in as {state.email}
                    </Link>
                  </>
                )}
              </div>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
