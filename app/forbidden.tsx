import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-semibold">This page is not available to your role</h1>
      <p className="mt-3 text-slate-600">
        You are signed in, but your role does not include access to this page. If you need it, ask an
        administrator of your organisation to change your role.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 underline">
        Back to your start page
      </Link>
    </main>
  );
}
