import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import type { QuestionSensitivity, SensitivityReport } from "@/lib/linkage/sensitivity/sensitivity-report";

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
const num = (x: number) => x.toFixed(2);

function Stat({ label, value, tone }: { label: string; value: string; tone?: "bad" | "good" }) {
  const color = tone === "bad" ? "text-red-700" : tone === "good" ? "text-emerald-700" : "text-slate-900";
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={`text-lg font-semibold ${color}`}>{value}</dd>
    </div>
  );
}

function rowTone(q: QuestionSensitivity): string {
  if (q.reversed) return "bg-red-50";
  if (q.effect === 0 && !q.explained) return "bg-amber-50";
  return "";
}

/** The sensitivity report of one template version: summary, then one row per question with rules. */
export async function SensitivityReportView({ report: pending }: { report: Promise<SensitivityReport> }) {
  const report = await pending;
  const rows = report.questions.filter((q) => q.emits);
  if (rows.length === 0)
    return (
      <EmptyState title="No linkage rules">
        This version has no linkage rules, so no answer can move a vendor&apos;s score. Add rules to its
        questions (docs/questionnaire-format.md) to see them here.
      </EmptyState>
    );
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Summary">
        <Stat label="PLC vendor, per unit" value={num(report.reference.plc)} />
        <Stat label="HMI vendor, per unit" value={num(report.reference.hmi)} />
        <Stat label="PLC / HMI" value={`${report.reference.ratio.toFixed(1)}×`} />
        <Stat
          label="Reversals"
          value={String(report.reversals)}
          tone={report.reversals > 0 ? "bad" : "good"}
        />
        <Stat
          label="No effect (unexplained)"
          value={`${report.noEffect} (${report.noEffectUnexplained})`}
          tone={report.noEffectUnexplained > 0 ? "bad" : "good"}
        />
        <Stat
          label="“Don't know” optimistic"
          value={`${report.unknownOptimistic} (${report.unknownOptimisticUnexplained})`}
          tone={report.unknownOptimisticUnexplained > 0 ? "bad" : "good"}
        />
      </dl>
      <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Questions by effect on the reference vendors</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">#</th>
              <th className="px-3 py-2 font-medium">Question</th>
              <th className="px-3 py-2 text-right font-medium">Effect</th>
              <th className="px-3 py-2 text-right font-medium whitespace-nowrap">Best PLC / HMI</th>
              <th className="px-3 py-2 text-right font-medium whitespace-nowrap">Worst PLC / HMI</th>
              <th className="px-3 py-2 font-medium">Flags</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((q) => (
              <tr key={q.id} className={rowTone(q)}>
                <td className="px-3 py-2 align-top text-slate-500 tabular-nums">{q.number}</td>
                <td className="min-w-64 px-3 py-2 align-top">
                  <div className="text-slate-900">{q.label}</div>
                  <div className="font-mono text-xs text-slate-500">{q.id}</div>
                  {q.explained ? <p className="mt-1 text-xs text-slate-600">Why: {q.explained}</p> : null}
                </td>
                <td className="px-3 py-2 text-right align-top tabular-nums">{percent(q.effect)}</td>
                <td
                  className="px-3 py-2 text-right align-top whitespace-nowrap tabular-nums"
                  title={`answer: ${q.answers.best}`}
                >
                  {num(q.best.plc)} / {num(q.best.hmi)}
                </td>
                <td
                  className="px-3 py-2 text-right align-top whitespace-nowrap tabular-nums"
                  title={`answer: ${q.answers.worst}`}
                >
                  {num(q.worst.plc)} / {num(q.worst.hmi)}
                </td>
                <td className="px-3 py-2 align-top">
                  <div className="flex flex-wrap gap-1">
                    {q.reversed ? <Badge tone="red">Reversed</Badge> : null}
                    {q.effect === 0 ? (
                      <Badge tone={q.explained ? "slate" : "amber"}>
                        {q.explained ? "No effect · explained" : "No effect"}
                      </Badge>
                    ) : null}
                    {q.unknownOptimistic ? (
                      <Badge tone={q.explained ? "slate" : "amber"}>“Don&apos;t know” scores lower</Badge>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">
        {report.questions.length - rows.length} questions carry no linkage rules and are not listed. Effect =
        (worst − best) / the vendor&apos;s own exposure, the larger of the two vendors. The same report:{" "}
        <code>npm run template:sensitivity -- &lt;file.json&gt;</code>.
      </p>
    </div>
  );
}
