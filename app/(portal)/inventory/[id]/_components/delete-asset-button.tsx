"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { deleteAssetAction } from "@/app/(portal)/inventory/actions";
import { Button } from "@/components/ui/button";

/** Deleting removes the asset's deployments and connections too, so the confirmation says how many. */
export function DeleteAssetButton({
  assetId,
  name,
  deployments,
  connections,
}: {
  assetId: string;
  name: string;
  deployments: number;
  connections: number;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const onClick = () => {
    const also = [
      deployments ? `${deployments} vendor deployment${deployments === 1 ? "" : "s"}` : null,
      connections ? `${connections} linkage${connections === 1 ? "" : "s"}` : null,
    ].filter(Boolean);
    const message = `Delete ${name}?${also.length ? ` This also removes ${also.join(" and ")} that refer to it.` : ""} This cannot be undone.`;
    if (!window.confirm(message)) return;
    setError(null);
    startTransition(async () => {
      const result = await deleteAssetAction(assetId);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      router.push("/inventory");
      router.refresh();
    });
  };
  return (
    <span className="flex items-center gap-2">
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
      <Button variant="danger" onClick={onClick} disabled={pending}>
        {pending ? "Deleting…" : "Delete"}
      </Button>
    </span>
  );
}
