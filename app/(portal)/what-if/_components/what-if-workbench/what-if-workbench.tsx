"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { evaluateWhatIfAction } from "@/app/(portal)/what-if/actions";
import { Card } from "@/components/ui/card";
import type { ScenarioEvaluation } from "@/lib/domain/what-if/evaluate-scenario";
import type { WhatIfWorkspace } from "@/lib/domain/what-if/get-what-if-workspace";
import type { SavedScenario } from "@/lib/domain/what-if/manage-scenarios";
import type { BuyerControl } from "@/lib/linkage/buyer-controls";
import type { ScenarioChanges, WhatIfControlId } from "@/lib/what-if/controls";

import { isEmpty, KIND_LABEL } from "./format";
import { LinkageEditor } from "./linkage-editor";
import { ResultPanel } from "./result-panel";
import { SavePanel } from "./save-panel";
import { ScenarioList } from "./scenario-list";
import { VendorPicker } from "./vendor-picker";

const DEBOUNCE_MS = 250;
const EMPTY: ScenarioChanges = { controls: [], buyerControls: [], remove: [], reweight: [] };

/** Toggle linkages, drag weights or apply controls, and see the score deltas at once; nothing is saved until asked. */
export function WhatIfWorkbench({
  workspace,
  canRemediate,
  initialChanges,
}: {
  workspace: WhatIfWorkspace;
  canRemediate: boolean;
  initialChanges: ScenarioChanges | null;
}) {
  const { vendor } = workspace;
  const [changes, setChanges] = useState<ScenarioChanges>(initialChanges ?? EMPTY);
  const [evaluation, setEvaluation] = useState<ScenarioEvaluation | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [elapsed, setElapsed] = useState<number | null>(null);
  const [scenarios, setScenarios] = useState<SavedScenario[]>(workspace.scenarios);
  const seq = useRef(0);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Debounced: a slider drag sends one request when it pauses; older answers are dropped. */
  const schedule = useCallback(
    (next: ScenarioChanges) => {
      clearTimeout(timer.current);
      const mine = ++seq.current;
      if (isEmpty(next)) {
        setEvaluation(null);
        setPending(false);
        setError(null);
        return;
      }
      setPending(true);
      timer.current = setTimeout(async () => {
        const started = performance.now();
        const result = await evaluateWhatIfAction({ vendorId: vendor?.id ?? null, changes: next });
        if (mine !== seq.current) return;
        setPending(false);
        setElapsed(Math.round(performance.now() - started));
        if (!result.ok) return setError(result.message);
        setError(null);
        setEvaluation(result.data);
      }, DEBOUNCE_MS);
    },
    [vendor?.id],
  );

  useEffect(() => {
    // A scenario opened from a link is evaluated once on arrival.
    const first =
      initialChanges && !isEmpty(initialChanges) ? setTimeout(() => schedule(initialChanges), 0) : undefined;
    return () => {
      clearTimeout(first);
      clearTimeout(timer.current);
    };
  }, [initialChanges, schedule]);

  const update = (f: (c: ScenarioChanges) => ScenarioChanges) => {
    const next = f(changes);
    setChanges(next);
    schedule(next);
  };

  const toggleControl = (id: WhatIfControlId, on: boolean) =>
    update((c) => ({ ...c, controls: on ? [...c.controls, id] : c.controls.filter((x) => x !== id) }));
  const toggleBuyerControl = (id: BuyerControl, on: boolean) =>
    update((c) => {
      const current = c.buyerControls ?? [];
      return { ...c, buyerControls: on ? [...current, id] : current.filter((x) => x !== id) };
    });

  return (
    <div className="grid items-start gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card title="Controls">
          <p className="mb-3 text-sm text-slate-600">
            Suppose the supplier put one of these in place: every linkage it governs drops to the
            control&apos;s weight from your scoring configuration (never higher than today).
          </p>
          <ul className="grid gap-2 sm:grid-cols-2">
            {workspace.controls.map((c) => {
              const on = changes.controls.includes(c.id as WhatIfControlId);
              return (
                <li key={c.id}>
                  <label
                    className={`flex h-full cursor-pointer gap-3 rounded-md p-3 ring-1 ${on ? "ring-brand-300 bg-brand-50" : "ring-slate-200 hover:bg-slate-50"} ${c.matches === 0 ? "opacity-60" : ""}`}
                  >
                    <input
                      type="checkbox"
                      className="mt-0.5 h-4 w-4 rounded border-slate-300"
                      checked={on}
                      onChange={(e) => toggleControl(c.id as WhatIfControlId, e.target.checked)}
                    />
                    <span className="text-sm">
                      <span className="block font-medium text-slate-900">{c.label}</span>
                      <span className="block text-xs text-slate-600">{c.description}</span>
                      <span className="mt-1 block text-xs text-slate-500">
                        {KIND_LABEL[c.kind]} → {c.weight?.toFixed(2) ?? "n/a"} ·{" "}
                        {c.matches === 0
                          ? "no linkage would change"
                          : `lowers ${c.matches} linkage${c.matches === 1 ? "" : "s"}`}
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          {workspace.buyerControls.length > 0 ? (
            <fieldset className="mt-5 border-t border-slate-100 pt-4">
              <legend className="sr-only">Your controls at the deployments</legend>
              <h3 className="text-sm font-semibold text-slate-900">Your controls at the deployments</h3>
              <p className="mb-3 text-sm text-slate-600">
                Suppose you had one of these at every deployment of {vendor ? vendor.name : "every vendor"}:
                the linkages into those assets (and their zones) drop by the control&apos;s factor. Nothing is
                stored; record the ones you have on the vendor&apos;s deployments.
              </p>
              <ul className="grid gap-2 sm:grid-cols-2">
                {workspace.buyerControls.map((c) => {
                  const id = c.id as BuyerControl;
                  const on = (changes.buyerControls ?? []).includes(id);
                  return (
                    <li key={c.id}>
                      <label
                        className={`flex h-full cursor-pointer gap-3 rounded-md p-3 ring-1 ${on ? "ring-brand-300 bg-brand-50" : "ring-slate-200 hover:bg-slate-50"} ${c.matches === 0 ? "opacity-60" : ""}`}
                      >
                        <input
                          type="checkbox"
                          className="mt-0.5 h-4 w-4 rounded border-slate-300"
                          checked={on}
                          onChange={(e) => toggleBuyerControl(id, e.target.checked)}
                        />
                        <span className="text-sm">
                          <span className="block font-medium text-slate-900">{c.label}</span>
                          <span className="block text-xs text-slate-600">{c.description}</span>
                          <span className="mt-1 block text-xs text-slate-500">
                            {c.matches === 0
                              ? "no linkage would change"
                              : `lowers ${c.matches} linkage${c.matches === 1 ? "" : "s"}`}
                          </span>
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ) : null}
        </Card>
        {vendor ? (
          <LinkageEditor workspace={workspace} changes={changes} setChanges={update} />
        ) : (
          <VendorPicker topVendors={workspace.topVendors} total={workspace.scoredVendorCount} />
        )}
      </div>
      {/* The whole column scrolls on its own, so the effect stays in view while the list is long. */}
      <div className="space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:pb-1">
        <ResultPanel
          vendorMode={vendor !== null}
          baseline={workspace.baseline}
          evaluation={evaluation}
          pending={pending}
          error={error}
          changed={!isEmpty(changes)}
          elapsed={elapsed}
          onReset={() => update(() => EMPTY)}
        />
        <SavePanel
          vendorId={vendor?.id ?? null}
          changes={changes}
          onSaved={(s) => setScenarios((list) => [s, ...list])}
        />
        <ScenarioList
          scenarios={scenarios}
          vendorMode={vendor !== null}
          canRemediate={canRemediate}
          onLoad={(s) => update(() => s.changes)}
          onDeleted={(id) => setScenarios((list) => list.filter((s) => s.id !== id))}
        />
      </div>
    </div>
  );
}
