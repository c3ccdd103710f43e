"use client";

import { useState } from "react";

import { saveScenarioAction } from "@/app/(portal)/what-if/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import type { SavedScenario } from "@/lib/domain/what-if/manage-scenarios";
import { saveScenarioSchema } from "@/lib/validation/what-if";
import type { ScenarioChanges } from "@/lib/what-if/controls";

import { isEmpty } from "./format";

export function SavePanel({
  vendorId,
  changes,
  onSaved,
}: {
  vendorId: string | null;
  changes: ScenarioChanges;
  onSaved: (s: SavedScenario) => void;
}) {
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const parsed = saveScenarioSchema.safeParse({ vendorId, name, changes });
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? "Check the scenario.");
    if (isEmpty(changes)) return setProblem("Change something first: there is nothing to save.");
    setBusy(true);
    const result = await saveScenarioAction(parsed.data);
    setBusy(false);
    if (!result.ok) return setProblem(result.fieldErrors?.name?.[0] ?? result.message);
    setProblem(null);
    setName("");
    setSaved(result.data.name);
    onSaved(result.data);
  };
  return (
    <Card title="Save scenario">
      <form onSubmit={save} className="space-y-3" aria-label="Save scenario">
        <Field id="scenario-name" label="Name" error={problem ?? undefined}>
          <Input
            id="scenario-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={120}
            placeholder="e.g. MFA for remote access"
            invalid={problem !== null}
          />
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save scenario"}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved “{saved}”.
          </p>
        ) : null}
      </form>
    </Card>
  );
}
