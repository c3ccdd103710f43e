"use client";

import { useState } from "react";

import { deleteScenarioAction } from "@/app/(portal)/what-if/actions";
import { Alert, Card } from "@/components/ui/card";
import type { SavedScenario } from "@/lib/domain/what-if/manage-scenarios";

import { RemediationPanel } from "./remediation-panel";
import { Delta } from "./result-panel";

export function ScenarioList({
  scenarios,
  vendorMode,
  canRemediate,
  onLoad,
  onDeleted,
}: {
  scenarios: SavedScenario[];
  vendorMode: boolean;
  canRemediate: boolean;
  onLoad: (s: SavedScenario) => void;
  onDeleted: (id: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [remediating, setRemediating] = useState<string | null>(null);
  const remove = async (s: SavedScenario) => {
    if (!window.confirm(`Delete the scenario “${s.name}”?`)) return;
    const result = await deleteScenarioAction(s.id);
    if (!result.ok) return setError(result.message);
    onDeleted(s.id);
  };
  return (
    <Card title={`Saved scenarios (${scenarios.length})`}>
      {error ? (
        <div className="mb-3">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {scenarios.length === 0 ? (
        <p className="text-sm text-slate-500">
          None yet. Change something, give it a name and save it to come back to it or send it to the
          supplier.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="saved-scenarios">
          {scenarios.map((s) => (
            <li key={s.id} className="py-2.5 text-sm">
              <div className="flex items-baseline justify-between gap-2">
                <span className="font-medium text-slate-900">{s.name}</span>
                {s.result ? <Delta value={s.result.totalExposureDelta} /> : null}
              </div>
              <p className="text-xs text-slate-500">
                {new Date(s.createdAt).toLocaleString("en-GB", {
                  day: "numeric",
                  month: "short",
                  hour: "2-digit",
                  minute: "2-digit",
                })}{" "}
                · {s.changes.controls.length + (s.changes.buyerControls?.length ?? 0)} control
                {s.changes.controls.length + (s.changes.buyerControls?.length ?? 0) === 1 ? "" : "s"},{" "}
                {s.changes.remove.length + s.changes.reweight.length} linkage change
                {s.changes.remove.length + s.changes.reweight.length === 1 ? "" : "s"}
              </p>
              <div className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1 text-xs">
                <button
                  type="button"
                  className="font-medium text-brand-700 hover:underline"
                  onClick={() => onLoad(s)}
                >
                  Load
                </button>
                {vendorMode && canRemediate ? (
                  <button
                    type="button"
                    className="font-medium text-brand-700 hover:underline"
                    onClick={() => setRemediating(remediating === s.id ? null : s.id)}
                  >
                    Send as remediation request…
                  </button>
                ) : null}
                <button
                  type="button"
                  className="font-medium text-red-700 hover:underline"
                  onClick={() => remove(s)}
                >
                  Delete
                </button>
              </div>
              {remediating === s.id ? (
                <RemediationPanel scenarioId={s.id} onClose={() => setRemediating(null)} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
