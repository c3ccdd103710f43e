import Link from "next/link";

import { formatScore } from "@/components/scores/score-format";
import { Card } from "@/components/ui/card";
import type { StructuralAmplifier } from "@/lib/scoring";

const TYPE_LABEL: Record<string, string> = {
  "management-platform": "platform",
  management_platform: "management platform",
  engineering_workstation: "engineering workstation",
  network_segment: "network segment",
  "update-service": "update service",
  "remote-access": "remote access",
  "sub-supplier": "sub-supplier",
  os_rtos: "RTOS",
  network_stack: "network stack",
  crypto_library: "crypto library",
  bootloader: "bootloader",
  library: "library",
  gateway: "gateway",
  controller: "controller",
  zone: "zone",
  broker: "broker",
  hmi: "HMI",
  historian: "historian",
  credential: "credential",
  unmapped: "unmapped",
};

export const blastRadiusHref = (nodeKey: string) => `/blast-radius?node=${encodeURIComponent(nodeKey)}`;

/** The shared components, gateways, platforms and update services many vendors' exposure passes through. */
export function ConcentrationPanel({
  amplifiers,
  title = "Concentration",
}: {
  amplifiers: StructuralAmplifier[];
  title?: string;
}) {
  const max = Math.max(0, ...amplifiers.map((a) => a.throughput));
  return (
    <Card title={title}>
      <p className="mb-3 text-sm text-slate-600">
        Components, gateways, platforms and update services that vendors&apos; exposure flows through. One
        failure here reaches everything behind it: protect and monitor these first.
      </p>
      {amplifiers.length === 0 ? (
        <p className="text-sm text-slate-500">
          Appears once accepted assessments link vendors to your assets.
        </p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Structural amplifiers by exposure carried</caption>
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th scope="col" className="pb-1 font-medium">
                Node
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Vendors
              </th>
              <th scope="col" className="w-32 pb-1 text-right font-medium">
                Exposure carried
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {amplifiers.map((a) => (
              <tr key={a.id}>
                <td className="py-1.5 pr-2">
                  <Link href={blastRadiusHref(a.id)} className="font-medium text-brand-700 hover:underline">
                    {a.name}
                  </Link>{" "}
                  <span className="text-xs text-slate-500">
                    {TYPE_LABEL[a.subtype ?? ""] ?? a.subtype ?? a.type}
                  </span>
                </td>
                <td className="py-1.5 text-right tabular-nums">{a.vendorCount}</td>
                <td className="py-1.5 pl-2">
                  <div className="flex items-center justify-end gap-2">
                    <div className="h-1.5 w-16 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                      <div
                        className="h-full bg-amber-500"
                        style={{ width: `${max > 0 ? (a.throughput / max) * 100 : 0}%` }}
                      />
                    </div>
                    <span className="w-10 text-right tabular-nums">{formatScore(a.throughput)}</span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
