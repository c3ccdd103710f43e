import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Logo } from "@/components/layout/logo";
import { getCurrentUser } from "@/lib/auth/next-auth/session";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { getEnv } from "@/lib/env";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await getCurrentUser().catch(() => null)) redirect("/");
  const params = await searchParams;
  // Without a configured public address only relative paths can match the placeholder origin.
  const callbackUrl = safeCallbackUrl(params.callbackUrl, getEnv().NEXTAUTH_URL ?? "http://portal.invalid");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-2 text-center">
          <Logo size="lg" />
          <p className="text-sm text-slate-600">Supplier risk for IoT and OT systems</p>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
          <SignInForm callbackUrl={callbackUrl} />
        </div>
      </div>
    </main>
  );
}
