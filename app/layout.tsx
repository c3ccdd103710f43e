import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Trustmap", template: "%s · Trustmap" },
  description: "Supplier risk for IoT and OT: how much trust each vendor inherits and propagates.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so each carries the nonce of its own Content-Security-Policy
  // (proxy.ts); a page prerendered at build time would have scripts the policy blocks.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
