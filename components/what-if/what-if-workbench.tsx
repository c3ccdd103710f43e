"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/field";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { answerHref } from "@/components/graph/answer-link";
import { resolveScenarioOutcomes, type ScenarioChanges, type WhatIfControlId } from "@/lib/what-if/controls";
import { saveScenarioSchema, weightSchema } from "@/lib/validation/what-if";
import type { ScenarioEvaluation, ScoreSummary } from "@/lib/domain/what-if/evaluate-scenario";
import type { WhatIfWorkspace, WorkspaceLinkage } from "@/lib/domain/what-if/get-what-if-workspace";
import type { SavedScenario } from "@/lib/domain/what-if/manage-scenarios";
import type { RemediationPreview } from "@/lib/domain/what-if/send-remediation-request";
import { deleteScenarioAction, evaluateWhatIfAction, previewRemediationAction, saveScenarioAction, sendRemediationAction } from "@/app/(portal)/what-if/actions";

const KIND_LABEL: Record<string, string> = { adjacency: "Adjacency", inheritance: "Inheritance", trust: "Trust" };
const KIND_CHIP: Record<string, string> = { adjacency: "bg-sky-50 text-sky-800 ring-sky-200", inheritance: "bg-violet-50 text-violet-800 ring-violet-200", trust: "bg-amber-50 text-amber-800 ring-amber-200" };
const score = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1));
const signed = (n: number) => (Math.abs(n) < 0.05 ? "±0.0" : `${n < 0 ? "−" : "+"}${score(Math.abs(n))}`);
const pct = (p: number) => `${Math.round(p * 100)} %`;
const DEBOUNCE_MS = 250;

const EMPTY: ScenarioChanges = { controls: [], remove: [], reweight: [] };
const isEmpty = (c: ScenarioChanges) => c.controls.length === 0 && c.remove.length === 0 && c.reweight.length === 0;

/** Toggle linkages, drag weights or apply controls, and see the score deltas at once; nothing is saved until asked. */
export function WhatIfWorkbench({ workspace, canRemediate, initialChanges }: { workspace: WhatIfWorkspace; canRemediate: boolean; initialChanges: ScenarioChanges | null }) {
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
  const schedule = useCallback((next: ScenarioChanges) => {
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
  }, [vendor?.id]);

  useEffect(() => {
    // A scenario opened from a link is evaluated once on arrival.
    const first = initialChanges && !isEmpty(initialChanges) ? setTimeout(() => schedule(initialChanges), 0) : undefined;
    return () => { clearTimeout(first); clearTimeout(timer.current); };
  }, [initialChanges, schedule]);

  const update = (f: (c: ScenarioChanges) => ScenarioChanges) => {
    const next = f(changes);
    setChanges(next);
    schedule(next);
  };

  const toggleControl = (id: WhatIfControlId, on: boolean) => update((c) => ({ ...c, controls: on ? [...c.controls, id] : c.controls.filter((x) => x !== id) }));

  return (
    <div className="grid items-start gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card title="Controls">
          <p className="mb-3 text-sm text-slate-600">Suppose the supplier put one of these in place: every linkage it governs drops to the control&apos;s weight from your scoring configuration (never higher than today).</p>
          <ul className="grid gap-2 sm:grid-cols-2">
            {workspace.controls.map((c) => {
              const on = changes.controls.includes(c.id as WhatIfControlId);
              return (
                <li key={c.id}>
                  <label className={`flex h-full cursor-pointer gap-3 rounded-md p-3 ring-1 ${on ? "bg-brand-50 ring-brand-300" : "ring-slate-200 hover:bg-slate-50"} ${c.matches === 0 ? "opacity-60" : ""}`}>
                    <input type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" checked={on} onChange={(e) => toggleControl(c.id as WhatIfControlId, e.target.checked)} />
                    <span className="text-sm">
                      <span className="block font-medium text-slate-900">{c.label}</span>
                      <span className="block text-xs text-slate-600">{c.description}</span>
                      <span className="mt-1 block text-xs text-slate-500">{KIND_LABEL[c.kind]} → {c.weight?.toFixed(2) ?? "n/a"} · {c.matches === 0 ? "no linkage would change" : `lowers ${c.matches} linkage${c.matches === 1 ? "" : "s"}`}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </Card>
        {vendor ? <LinkageEditor workspace={workspace} changes={changes} setChanges={update} /> : <VendorPicker topVendors={workspace.topVendors} total={workspace.scoredVendorCount} />}
      </div>
      {/* The whole column scrolls on its own, so the effect stays in view while the list is long. */}
      <div className="space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:pb-1">
        <ResultPanel vendorMode={vendor !== null} baseline={workspace.baseline} evaluation={evaluation} pending={pending} error={error} changed={!isEmpty(changes)} elapsed={elapsed} onReset={() => update(() => EMPTY)} />
        <SavePanel vendorId={vendor?.id ?? null} changes={changes} onSaved={(s) => setScenarios((list) => [s, ...list])} />
        <ScenarioList scenarios={scenarios} vendorMode={vendor !== null} canRemediate={canRemediate} onLoad={(s) => update(() => s.changes)} onDeleted={(id) => setScenarios((list) => list.filter((s) => s.id !== id))} />
      </div>
    </div>
  );
}

/** Portfolio mode: search any scored vendor, or open one of the highest-exposure ones. */
function VendorPicker({ topVendors, total }: { topVendors: WhatIfWorkspace["topVendors"]; total: number }) {
  const router = useRouter();
  return (
    <Card title="One vendor at a time">
      <p className="mb-3 text-sm text-slate-600">To toggle single linkages or drag their weights, open the what-if of one vendor:</p>
      {total === 0 ? <p className="text-sm text-slate-500">No vendor is scored yet: accept an assessment first.</p> : (
        <div className="space-y-4">
          <Field id="what-if-vendor" label="Find a scored vendor">
            <SearchCombobox id="what-if-vendor" type="scored-vendor" value={null} placeholder={`Search ${total} scored vendor${total === 1 ? "" : "s"}…`} onChange={(v) => { if (v) router.push(`/what-if?vendor=${v.id}`); }} />
          </Field>
          {topVendors.length ? (
            <div>
              <h3 className="mb-2 text-xs font-medium text-slate-600">Highest exposure</h3>
              <ul className="flex flex-wrap gap-2">
                {topVendors.map((v) => <li key={v.id}><Link href={`/what-if?vendor=${v.id}`} className="inline-block rounded-md px-3 py-1.5 text-sm text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">{v.label}{v.exposure !== null ? <span className="ml-1.5 text-xs tabular-nums text-slate-500">{score(v.exposure)}</span> : null}</Link></li>)}
              </ul>
            </div>
          ) : null}
        </div>
      )}
    </Card>
  );
}

function LinkageEditor({ workspace, changes, setChanges }: { workspace: WhatIfWorkspace; changes: ScenarioChanges; setChanges: (f: (c: ScenarioChanges) => ScenarioChanges) => void }) {
  const groups = useMemo(() => {
    const map = new Map<string, WorkspaceLinkage[]>();
    for (const l of workspace.linkages) {
      const key = `${l.assessmentId}\u0000${l.questionId}`;
      (map.get(key) ?? map.set(key, []).get(key)!).push(l);
    }
    return [...map.values()].sort((a, b) => a[0]!.questionOrder - b[0]!.questionOrder);
  }, [workspace.linkages]);
  const outcomes = useMemo(() => new Map(resolveScenarioOutcomes(workspace.linkages, changes, workspace.controlWeights).map((o) => [o.linkageId, o])), [workspace.linkages, changes, workspace.controlWeights]);
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const removed = new Set(changes.remove);
  const setRemoved = (ids: string[], remove: boolean) => setChanges((c) => ({ ...c, remove: remove ? [...new Set([...c.remove, ...ids])] : c.remove.filter((id) => !ids.includes(id)) }));
  const setWeight = (id: string, weight: number | null) => setChanges((c) => ({ ...c, reweight: weight === null ? c.reweight.filter((r) => r.linkageId !== id) : [...c.reweight.filter((r) => r.linkageId !== id), { linkageId: id, weight }] }));

  return (
    <Card title={`Linkages from ${workspace.vendor!.name}'s answers (${workspace.linkages.length})`}>
      <p className="mb-4 text-sm text-slate-600">Untick a linkage to see the score without it; drag its weight to model a stronger or weaker control. Grouped by the answer that created them.</p>
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
              <details open={open} onToggle={(e) => { const isOpen = e.currentTarget.open; setOpened((o) => (o[key] === isOpen ? o : { ...o, [key]: isOpen })); }} className="group rounded-md ring-1 ring-slate-200">
                <summary className="flex cursor-pointer list-none items-baseline justify-between gap-3 rounded-md bg-slate-50 px-3 py-2 text-sm hover:bg-slate-100">
                  <span className="min-w-0"><span className="mr-1 inline-block text-slate-400 transition-transform group-open:rotate-90" aria-hidden>▸</span><span className="font-medium text-slate-900">{first.questionLabel}</span></span>
                  <span className="shrink-0 text-xs text-slate-500">{group.length} linkage{group.length === 1 ? "" : "s"}{changed ? <strong className="ml-1 text-brand-700">· {changed} changed</strong> : null}</span>
                </summary>
                {rendered ? <>
                <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-3 py-1.5 text-xs">
                  {first.assessmentId ? <Link href={answerHref(first.assessmentId, first.revision, first.questionId)} className="text-brand-700 hover:underline">Open answer {first.questionId} (r{first.revision})</Link> : <span />}
                  <label className="flex items-center gap-1.5 text-slate-600">
                    <input type="checkbox" className="h-3.5 w-3.5 rounded border-slate-300" checked={!allRemoved} onChange={(e) => setRemoved(group.map((l) => l.id), !e.target.checked)} />
                    Keep all of this answer&apos;s linkages
                  </label>
                </div>
                <ul className="divide-y divide-slate-100">
                  {group.map((l) => <LinkageRow key={l.id} linkage={l} removed={removed.has(l.id)} outcome={outcomes.get(l.id)} slider={changes.reweight.find((r) => r.linkageId === l.id)?.weight ?? null} onRemove={(r) => setRemoved([l.id], r)} onWeight={(w) => setWeight(l.id, w)} />)}
                </ul>
                </> : null}
              </details>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

function LinkageRow({ linkage: l, removed, outcome, slider, onRemove, onWeight }: {
  linkage: WorkspaceLinkage; removed: boolean; outcome: ReturnType<typeof resolveScenarioOutcomes>[number] | undefined; slider: number | null;
  onRemove: (removed: boolean) => void; onWeight: (weight: number | null) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const effective = outcome && !outcome.removed ? outcome.weight : l.weight;
  const id = `w-${l.id}`;
  const commit = (raw: string) => {
    setText(raw);
    const parsed = weightSchema.safeParse(raw.trim() === "" ? Number.NaN : Number(raw));
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? "Weight must be a number between 0 and 1.");
    setProblem(null);
    onWeight(parsed.data === l.weight ? null : parsed.data);
  };
  return (
    <li className={`px-3 py-2 text-sm ${removed ? "bg-slate-50 text-slate-400" : ""}`} data-testid="whatif-linkage">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <label className="flex min-w-0 flex-1 basis-72 items-center gap-2">
          <input type="checkbox" aria-label={`Keep ${l.fromName} → ${l.toName}`} className="h-4 w-4 shrink-0 rounded border-slate-300" checked={!removed} onChange={(e) => onRemove(!e.target.checked)} />
          <span className={`min-w-0 line-clamp-2 ${removed ? "line-through" : "text-slate-900"}`} title={`${l.fromName} → ${l.toName}${l.reason ? `\n${l.reason}` : ""}`}>{l.fromName} → {l.toName}</span>
          <span className={`shrink-0 rounded px-1.5 py-0.5 text-[11px] ring-1 ring-inset ${KIND_CHIP[l.kind]}`}>{KIND_LABEL[l.kind]}</span>
        </label>
        {!removed ? (
          <span className="flex shrink-0 items-center gap-2">
            <label htmlFor={id} className="sr-only">Weight of {l.fromName} → {l.toName}</label>
            <input id={id} type="range" min={0} max={1} step={0.01} value={slider ?? effective} onChange={(e) => { setText(null); setProblem(null); onWeight(Number(e.target.value) === l.weight ? null : Number(e.target.value)); }} className="h-1.5 w-28 accent-brand-600" />
            <input aria-label={`Weight value of ${l.fromName} → ${l.toName}`} aria-invalid={problem ? true : undefined} inputMode="decimal" className={`w-14 rounded border-0 px-1.5 py-0.5 text-xs tabular-nums ring-1 ring-inset ${problem ? "ring-red-400" : "ring-slate-300"}`} value={text ?? (slider ?? effective).toFixed(2)} onChange={(e) => commit(e.target.value)} onBlur={() => { if (!problem) setText(null); }} />
            <span className="w-28 text-xs text-slate-500">
              {outcome && !outcome.removed ? <>was {l.weight.toFixed(2)} · {outcome.by === "slider" ? <button type="button" className="text-brand-700 hover:underline" onClick={() => { setText(null); setProblem(null); onWeight(null); }}>reset</button> : "control"}</> : l.custody ? "operated by vendor" : null}
            </span>
          </span>
        ) : <span className="text-xs">left out</span>}
      </div>
      {problem ? <p role="alert" className="mt-1 text-xs text-red-700">{problem}</p> : null}
    </li>
  );
}

function relative(value: number, of: number): string {
  const share = (value / of) * 100;
  const text = Math.abs(share) < 10 ? Math.abs(share).toFixed(1) : Math.abs(share).toFixed(0);
  return `${share < 0 ? "−" : "+"}${text} %`;
}

function Delta({ value, percentOf }: { value: number; percentOf?: number }) {
  const tone = value < -1e-9 ? "text-emerald-700" : value > 1e-9 ? "text-red-700" : "text-slate-500";
  return <span className={`tabular-nums ${tone}`} data-testid="exposure-delta">{signed(value)}{percentOf ? ` (${relative(value, percentOf)})` : ""}</span>;
}

function ResultPanel({ vendorMode, baseline, evaluation, pending, error, changed, elapsed, onReset }: { vendorMode: boolean; baseline: ScoreSummary | null; evaluation: ScenarioEvaluation | null; pending: boolean; error: string | null; changed: boolean; elapsed: number | null; onReset: () => void }) {
  const row = vendorMode ? evaluation?.vendors[0] : null;
  const before = row?.before ?? baseline;
  const after = row?.after ?? null;
  return (
    <Card title="Effect" actions={changed ? <Button variant="ghost" className="!px-2 !py-1 text-xs" onClick={onReset}>Reset</Button> : null}>
      <div className="relative min-h-24" aria-busy={pending}>
        {pending ? <p role="status" className="absolute right-0 top-0 flex items-center gap-1.5 text-xs text-slate-500"><span className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" aria-hidden />Recalculating…</p> : null}
        {error ? <Alert>{error}</Alert> : null}
        {vendorMode && before ? (
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-xs text-slate-500">Exposure</dt>
              <dd className="text-2xl font-semibold tabular-nums">{score(before.exposure)}{after ? <> → {score(after.exposure)}</> : null}</dd>
              {row ? <dd className="text-sm"><Delta value={row.exposureDelta} percentOf={before.exposure} /></dd> : <dd className="text-xs text-slate-500">{changed ? "…" : "Change something to see the effect."}</dd>}
            </div>
            <div className="grid grid-cols-2 gap-3">
              <div><dt className="text-xs text-slate-500">Amplification</dt><dd className="tabular-nums">{pct(before.amplification)}{after ? <> → {pct(after.amplification)}</> : null}</dd></div>
              <div><dt className="text-xs text-slate-500">Critical assets</dt><dd className="tabular-nums">{before.criticalAssetsReached}{after ? <> → {after.criticalAssetsReached}</> : null}</dd></div>
            </div>
          </dl>
        ) : null}
        {!vendorMode ? (
          evaluation ? (
            <div className="text-sm">
              <p>Across the portfolio: <strong><Delta value={evaluation.totalExposureDelta} /></strong> exposure, {evaluation.vendors.length} vendor{evaluation.vendors.length === 1 ? "" : "s"} affected.</p>
              <table className="mt-3 min-w-full text-left text-xs">
                <caption className="sr-only">Vendors affected by the scenario</caption>
                <thead className="text-slate-500"><tr><th className="pb-1 font-medium">Vendor</th><th className="pb-1 text-right font-medium">Exposure</th><th className="pb-1 text-right font-medium">Change</th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {evaluation.vendors.map((v) => (
                    <tr key={v.vendorId}><td className="py-1 pr-2"><Link href={`/what-if?vendor=${v.vendorId}`} className="text-brand-700 hover:underline">{v.name}</Link></td><td className="py-1 text-right tabular-nums">{v.before ? score(v.before.exposure) : "—"} → {v.after ? score(v.after.exposure) : "—"}</td><td className="py-1 text-right"><Delta value={v.exposureDelta} /></td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : <p className="text-sm text-slate-500">{changed ? "…" : "Apply a control to see how every vendor's score would move."}</p>
        ) : null}
        {evaluation && elapsed !== null ? <p className="mt-3 text-[11px] text-slate-400">{evaluation.changedLinkages} linkage{evaluation.changedLinkages === 1 ? "" : "s"} changed · answered in {elapsed} ms · not saved</p> : null}
      </div>
    </Card>
  );
}

function SavePanel({ vendorId, changes, onSaved }: { vendorId: string | null; changes: ScenarioChanges; onSaved: (s: SavedScenario) => void }) {
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
          <Input id="scenario-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} placeholder="e.g. MFA for remote access" invalid={problem !== null} />
        </Field>
        <Button type="submit" disabled={busy}>{busy ? "Saving…" : "Save scenario"}</Button>
        {saved ? <p role="status" className="text-sm text-emerald-700">Saved “{saved}”.</p> : null}
      </form>
    </Card>
  );
}

function ScenarioList({ scenarios, vendorMode, canRemediate, onLoad, onDeleted }: { scenarios: SavedScenario[]; vendorMode: boolean; canRemediate: boolean; onLoad: (s: SavedScenario) => void; onDeleted: (id: string) => void }) {
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
      {error ? <div className="mb-3"><Alert>{error}</Alert></div> : null}
      {scenarios.length === 0 ? <p className="text-sm text-slate-500">None yet. Change something, give it a name and save it to come back to it or send it to the supplier.</p> : (
        <ul className="divide-y divide-slate-100" data-testid="saved-scenarios">
          {scenarios.map((s) => (
            <li key={s.id} className="py-2.5 text-sm">
              <div className="flex items-baseline justify-between gap-2">
                <span className="font-medium text-slate-900">{s.name}</span>
                {s.result ? <Delta value={s.result.totalExposureDelta} /> : null}
              </div>
              <p className="text-xs text-slate-500">{new Date(s.createdAt).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })} · {s.changes.controls.length} control{s.changes.controls.length === 1 ? "" : "s"}, {s.changes.remove.length + s.changes.reweight.length} linkage change{s.changes.remove.length + s.changes.reweight.length === 1 ? "" : "s"}</p>
              <div className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1 text-xs">
                <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => onLoad(s)}>Load</button>
                {vendorMode && canRemediate ? <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setRemediating(remediating === s.id ? null : s.id)}>Send as remediation request…</button> : null}
                <button type="button" className="font-medium text-red-700 hover:underline" onClick={() => remove(s)}>Delete</button>
              </div>
              {remediating === s.id ? <RemediationPanel scenarioId={s.id} onClose={() => setRemediating(null)} /> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function RemediationPanel({ scenarioId, onClose }: { scenarioId: string; onClose: () => void }) {
  const [preview, setPreview] = useState<RemediationPreview | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ assessmentId: string; comments: number; warning: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    previewRemediationAction(scenarioId).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.message);
      setPreview(result.data);
      setMessage(result.data.message);
    });
    return () => { live = false; };
  }, [scenarioId]);
  const send = async () => {
    setBusy(true);
    const result = await sendRemediationAction({ scenarioId, message });
    setBusy(false);
    if (!result.ok) return setError(result.fieldErrors?.message?.[0] ?? result.message);
    setSent(result.data);
  };
  if (sent) {
    return (
      <div className="mt-2"><Alert tone="success">Sent: {sent.comments} comment{sent.comments === 1 ? "" : "s"} and a revision request. <Link href={`/assessments/${sent.assessmentId}`} className="underline">Open the assessment</Link>{sent.warning ? ` (${sent.warning})` : ""}</Alert></div>
    );
  }
  return (
    <div className="mt-2 space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="remediation-preview">
      {error ? <Alert>{error}</Alert> : !preview ? <p role="status" className="text-xs text-slate-500">Preparing what will be sent…</p> : (
        <>
          <p className="text-xs text-slate-700">This reopens {preview.vendorName}&apos;s accepted assessment (revision {preview.revision}) and asks for a new revision, with {preview.comments.length} comment{preview.comments.length === 1 ? "" : "s"}:</p>
          <ol className="space-y-2">
            {preview.comments.map((c) => (
              <li key={c.questionId} className="rounded bg-white p-2 text-xs ring-1 ring-slate-200">
                <p className="font-medium text-slate-900">{c.questionLabel} <span className="font-normal text-slate-500">({c.questionId})</span></p>
                <p className="mt-1 whitespace-pre-line text-slate-700">{c.body}</p>
              </li>
            ))}
          </ol>
          <Field id={`msg-${scenarioId}`} label="Message to the supplier">
            <Textarea id={`msg-${scenarioId}`} rows={3} value={message} maxLength={2000} onChange={(e) => setMessage(e.target.value)} />
          </Field>
        </>
      )}
      <div className="flex gap-2">
        {preview && !error ? <Button onClick={send} disabled={busy}>{busy ? "Sending…" : "Send request"}</Button> : null}
        <Button variant="secondary" onClick={onClose}>Cancel</Button>
      </div>
    </div>
  );
}
