"use client";

import Link from "next/link";
import { useMemo, useState } from "react";

import { answerHref } from "@/components/graph/answer-link";
import { Card } from "@/components/ui/card";
import type { WhatIfWorkspace, WorkspaceLinkage } from "@/lib/domain/what-if/get-what-if-workspace";
import { weightSchema } from "@/lib/validation/what-if";
import { resolveScenarioOutcomes, type ScenarioChanges } from "@/lib/what-if/controls";

import { KIND_CHIP, KIND_LABEL } from "./format";

export function LinkageEditor({
  workspace,
  changes,
  setChanges,
}: {
  workspace: WhatIfWorkspace;
  changes: ScenarioChanges;
  setChanges: (f: (c: ScenarioChanges) => ScenarioChanges) => void;
}) {
  const groups = useMemo(() => {
    const map = new Map<string, WorkspaceLinkage[]>();
    for (const l of workspace.linkages) {
      const key = `${l.assessmentId}\u0000${l.questionId}`;
      (map.get(key) ?? map.set(key, []).get(key)!).push(l);
    }
    return [...map.values()].sort((a, b) => a[0]!.questionOrder - b[0]!.questionOrder);
  }, [workspace.linkages]);
  const outcomes = useMemo(
    () =>
      new Map(
        resolveScenarioOutcomes(workspace.linkages, changes, workspace.controlWeights).map((o) => [
          o.linkageId,
          o,
        ]),
      ),
    [workspace.linkages, changes, workspace.controlWeights],
  );
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const removed = new Set(changes.remove);
  const setRemoved = (ids: string[], remove: boolean) =>
    setChanges((c) => ({
      ...c,
      remove: remove ? [...new Set([...c.remove, ...ids])] : c.remove.filter((id) => !ids.includes(id)),
    }));
  const setWeight = (id: string, weight: number | null) =>
    setChanges((c) => ({
      ...c,
      reweight:
        weight === null
          ? c.reweight.filter((r) => r.linkageId !== id)
          : [...c.reweight.filter((r) => r.linkageId !== id), { linkageId: id, weight }],
    }));

  return (
    <Card title={`Linkages from ${workspace.vendor!.name}'s answers (${workspace.linkages.length})`}>
      <p className="mb-4 text-sm text-slate-600">
        Untick a linkage to see the score without it; drag its weight to model a stronger or weaker control.
        Grouped by the answer that created them.
      </p>
      <ol className="space-y-2">
        {groups.map((group, index) => {
          const first = group[0]!;
          const allRemoved = group.every((l) => removed.has(l.id));
          const changed = group.filter((l) => outcomes.has(l.id)).length;
          const key = `${first.assessmentId}-${first.questionId}`;
          // Groups never opened render only their heading: a vendor with hundreds of linkages would
          // otherwise send every slider to the browser (640 kB for 369 linkages). Once opened, a
          // group stays rendered when closed again, so a weight being typed there is not lost.
          const open = opened[key] ?? index < 3;
          const rendered = open || key in opened;
          return (
            <li key={key}>
              <details
                open={open}
                onToggle={(e) => {
                  const isOpen = e.currentTarget.open;
                  setOpened((o) => (o[key] === isOpen ? o : { ...o, [key]: isOpen }));
                }}
                className="group rounded-md ring-1 ring-slate-200"
              >
                <summary className="flex cursor-pointer list-none items-baseline justify-between gap-3 rounded-md bg-slate-50 px-3 py-2 text-sm hover:bg-slate-100">
                  <span className="min-w-0">
                    <span
                      className="mr-1 inline-block text-slate-400 transition-transform group-open:rotate-90"
                      aria-hidden
                    >
                      ▸
                    </span>
                    <span className="font-medium text-slate-900">{first.questionLabel}</span>
                  </span>
                  <span className="shrink-0 text-xs text-slate-500">
                    {group.length} linkage{group.length === 1 ? "" : "s"}
                    {changed ? <strong className="ml-1 text-brand-700">· {changed} changed</strong> : null}
                  </span>
                </summary>
                {rendered ? (
                  <>
                    <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-3 py-1.5 text-xs">
                      {first.assessmentId ? (
                        <Link
                          href={answerHref(first.assessmentId, first.revision, first.questionId)}
                          className="text-brand-700 hover:underline"
                        >
                          Open answer {first.questionId} (r{first.revision})
                        </Link>
                      ) : (
                        <span />
                      )}
                      <label className="flex items-center gap-1.5 text-slate-600">
                        <input
                          type="checkbox"
                          className="h-3.5 w-3.5 rounded border-slate-300"
                          checked={!allRemoved}
                          onChange={(e) =>
                            setRemoved(
                              group.map((l) => l.id),
                              !e.target.checked,
                            )
                          }
                        />
                        Keep all of this answer&apos;s linkages
                      </label>
                    </div>
                    <ul className="divide-y divide-slate-100">
                      {group.map((l) => (
                        <LinkageRow
                          key={l.id}
                          linkage={l}
                          removed={removed.has(l.id)}
                          outcome={outcomes.get(l.id)}
                          slider={changes.reweight.find((r) => r.linkageId === l.id)?.weight ?? null}
                          onRemove={(r) => setRemoved([l.id], r)}
                          onWeight={(w) => setWeight(l.id, w)}
                        />
                      ))}
                    </ul>
                  </>
                ) : null}
              </details>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

function LinkageRow({
  linkage: l,
  removed,
  outcome,
  slider,
  onRemove,
  onWeight,
}: {
  linkage: WorkspaceLinkage;
  removed: boolean;
  outcome: ReturnType<typeof resolveScenarioOutcomes>[number] | undefined;
  slider: number | null;
  onRemove: (removed: boolean) => void;
  onWeight: (weight: number | null) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const effective = outcome && !outcome.removed ? outcome.weight : l.weight;
  const id = `w-${l.id}`;
  const commit = (raw: string) => {
    setText(raw);
    const parsed = weightSchema.safeParse(raw.trim() === "" ? Number.NaN : Number(raw));
    if (!parsed.success)
      return setProblem(parsed.error.issues[0]?.message ?? "Weight must be a number between 0 and 1.");
    setProblem(null);
    onWeight(parsed.data === l.weight ? null : parsed.data);
  };
  return (
    <li
      className={`px-3 py-2 text-sm ${removed ? "bg-slate-50 text-slate-400" : ""}`}
      data-testid="whatif-linkage"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <label className="flex min-w-0 flex-1 basis-72 items-center gap-2">
          <input
            type="checkbox"
            aria-label={`Keep ${l.fromName} → ${l.toName}`}
            className="h-4 w-4 shrink-0 rounded border-slate-300"
            checked={!removed}
            onChange={(e) => onRemove(!e.target.checked)}
          />
          <span
            className={`line-clamp-2 min-w-0 ${removed ? "line-through" : "text-slate-900"}`}
            title={`${l.fromName} → ${l.toName}${l.reason ? `\n${l.reason}` : ""}`}
          >
            {l.fromName} → {l.toName}
          </span>
          <span
            className={`shrink-0 rounded px-1.5 py-0.5 text-[11px] ring-1 ring-inset ${KIND_CHIP[l.kind]}`}
          >
            {KIND_LABEL[l.kind]}
          </span>
        </label>
        {!removed ? (
          <span className="flex shrink-0 items-center gap-2">
            <label htmlFor={id} className="sr-only">
              Weight of {l.fromName} → {l.toName}
            </label>
            <input
              id={id}
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={slider ?? effective}
              onChange={(e) => {
                setText(null);
                setProblem(null);
                onWeight(Number(e.target.value) === l.weight ? null : Number(e.target.value));
              }}
              className="h-1.5 w-28 accent-brand-600"
            />
            <input
              aria-label={`Weight value of ${l.fromName} → ${l.toName}`}
              aria-invalid={problem ? true : undefined}
              inputMode="decimal"
              className={`w-14 rounded border-0 px-1.5 py-0.5 text-xs tabular-nums ring-1 ring-inset ${problem ? "ring-red-400" : "ring-slate-300"}`}
              value={text ?? (slider ?? effective).toFixed(2)}
              onChange={(e) => commit(e.target.value)}
              onBlur={() => {
                if (!problem) setText(null);
              }}
            />
            <span className="w-28 text-xs text-slate-500">
              {outcome && !outcome.removed ? (
                <>
                  was {l.weight.toFixed(2)} ·{" "}
                  {outcome.by === "slider" ? (
                    <button
                      type="button"
                      className="text-brand-700 hover:underline"
                      onClick={() => {
                        setText(null);
                        setProblem(null);
                        onWeight(null);
                      }}
                    >
                      reset
                    </button>
                  ) : (
                    "control"
                  )}
                </>
              ) : l.custody ? (
                "operated by vendor"
              ) : null}
            </span>
          </span>
        ) : (
          <span className="text-xs">left out</span>
        )}
      </div>
      {problem ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
