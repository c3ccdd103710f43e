"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { setVendorArchivedAction } from "@/app/(portal)/vendors/actions";
import { Button } from "@/components/ui/button";

export function ArchiveVendorButton({ vendorId, archived }: { vendorId: string; archived: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const onClick = () => {
    if (
      !archived &&
      !window.confirm(
        "Archive this vendor? It will be hidden from the vendor list; you can restore it later.",
      )
    )
      return;
    setError(null);
    startTransition(async () => {
      const result = await setVendorArchivedAction(vendorId, !archived);
      if (!result.ok) setError(result.message);
      else router.refresh();
    });
  };
  return (
    <span className="flex items-center gap-2">
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
      <Button variant={archived ? "secondary" : "danger"} onClick={onClick} disabled={pending}>
        {pending ? "Working…" : archived ? "Restore" : "Archive"}
      </Button>
    </span>
  );
}
