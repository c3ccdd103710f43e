// The printable vendor report, drawn with @react-pdf/renderer on the server (no headless browser).
// Only the PDF's built-in Helvetica is used, so text goes through `printable` to stay in its
// character set (WinAnsi); anything else would print as blanks.
import {
  Document,
  G,
  Page,
  Path,
  Polygon,
  Rect,
  renderToBuffer,
  StyleSheet,
  Svg,
  Text,
  View,
} from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";

import type { KindBreakdown, LinkageKind } from "@/lib/scoring";

import { layoutPathGraph, type PathGraphLayout } from "./path-graph-layout";
import type { ReportAnswer, ReportPath, VendorReport } from "./report-types";

const KIND_LABEL: Record<LinkageKind, string> = {
  adjacency: "Adjacency",
  inheritance: "Inheritance",
  trust: "Trust",
};
const KIND_COLOR: Record<LinkageKind, string> = {
  adjacency: "#0ea5e9",
  inheritance: "#8b5cf6",
  trust: "#f59e0b",
};
const NODE_FILL = { vendor: "#1e3a8a", component: "#ede9fe", asset: "#fee2e2", other: "#f1f5f9" } as const;
const NODE_TEXT = { vendor: "#ffffff", component: "#3b0764", asset: "#7f1d1d", other: "#0f172a" } as const;
const TIER_LABEL = { CRITICAL: "Critical", HIGH: "High", MEDIUM: "Medium", LOW: "Low" } as const;
const CONTENT_WIDTH = 595.28 - 2 * 40; // A4 width in points, minus the page margins

const styles = StyleSheet.create({
  page: {
    padding: 40,
    paddingBottom: 56,
    fontFamily: "Helvetica",
    fontSize: 9.5,
    color: "#0f172a",
    lineHeight: 1.35,
  },
  brand: { fontSize: 8, color: "#64748b", textTransform: "uppercase", letterSpacing: 1 },
  title: { fontFamily: "Helvetica-Bold", fontSize: 20, lineHeight: 1.2, marginTop: 6 },
  meta: { color: "#475569", marginTop: 4 },
  h2: { fontFamily: "Helvetica-Bold", fontSize: 12.5, marginTop: 18, marginBottom: 6, color: "#0f172a" },
  h3: { fontFamily: "Helvetica-Bold", fontSize: 10.5, marginTop: 10, marginBottom: 4 },
  muted: { color: "#64748b" },
  small: { fontSize: 8, color: "#64748b" },
  numbers: {
    flexDirection: "row",
    marginTop: 12,
    borderTop: "1pt solid #e2e8f0",
    borderBottom: "1pt solid #e2e8f0",
    paddingVertical: 8,
  },
  number: { flex: 1 },
  numberLabel: { fontSize: 8, color: "#64748b" },
  numberValue: { fontFamily: "Helvetica-Bold", fontSize: 18 },
  row: { flexDirection: "row", borderBottom: "0.5pt solid #e2e8f0", paddingVertical: 3 },
  headRow: {
    flexDirection: "row",
    borderBottom: "1pt solid #cbd5e1",
    paddingVertical: 3,
    fontFamily: "Helvetica-Bold",
  },
  path: { border: "0.5pt solid #cbd5e1", borderRadius: 3, padding: 6, marginBottom: 6 },
  hop: { flexDirection: "row", marginTop: 3 },
  swatch: { width: 7, height: 7, marginTop: 2.5, marginRight: 5 },
  answer: { marginBottom: 6 },
  footer: {
    position: "absolute",
    bottom: 24,
    left: 40,
    right: 40,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 7.5,
    color: "#94a3b8",
  },
});

/** Text in the built-in fonts' character set: common typography is mapped, anything else becomes "?". */
export function printable(text: string): string {
  return text
    .replace(/[\u2192\u27f6]/g, "->")
    .replace(/\u2190/g, "<-")
    .replace(/\u2265/g, ">=")
    .replace(/\u2264/g, "<=")
    .replace(/\u00a0|\u202f/g, " ")
    .replace(
      /[^\n\t\u0020-\u007e\u00a1-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2122]/g,
      "?",
    );
}

const formatScore = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const formatPercent = (share: number) => `${Math.round(share * 100)} %`;
const formatDate = (d: Date) => d.toISOString().slice(0, 10);
const formatDateTime = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** "acme-controls-trustmap-report.pdf": a safe ASCII file name (the header also carries the UTF-8 name). */
export function reportFileName(vendorName: string): string {
  const slug = vendorName
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_]+/g, "-")
    .replace(/-+/g, "-")
    .toLowerCase()
    .slice(0, 80);
  return `${slug || "vendor"}-trustmap-report.pdf`;
}

/** A paragraph of printable text. */
function P({
  children,
  style,
  break: pageBreak,
}: {
  children: string;
  style?: Style | Style[];
  break?: boolean;
}) {
  return (
    <Text style={style} break={pageBreak}>
      {printable(children)}
    </Text>
  );
}

function KindBar({ byKind }: { byKind: KindBreakdown }) {
  const kinds: LinkageKind[] = ["adjacency", "inheritance", "trust"];
  const total = kinds.reduce((sum, k) => sum + byKind[k], 0);
  const width = CONTENT_WIDTH;
  let x = 0;
  return (
    <View>
      <Svg width={width} height={14} viewBox={`0 0 ${width} 14`}>
        <Rect x={0} y={0} width={width} height={14} fill="#f1f5f9" />
        {total > 0
          ? kinds.map((k) => {
              const w = (byKind[k] / total) * width;
              const rect = <Rect key={k} x={x} y={0} width={w} height={14} fill={KIND_COLOR[k]} />;
              x += w;
              return rect;
            })
          : null}
      </Svg>
      <View style={{ flexDirection: "row", marginTop: 4 }}>
        {kinds.map((k) => (
          <View key={k} style={{ flexDirection: "row", marginRight: 16 }}>
            <View style={[styles.swatch, { backgroundColor: KIND_COLOR[k] }]} />
            <P>{`${KIND_LABEL[k]}: ${formatScore(byKind[k])} (${total > 0 ? formatPercent(byKind[k] / total) : "0 %"})`}</P>
          </View>
        ))}
      </View>
    </View>
  );
}

/** The top paths as a layered node-link diagram: the vendor on the left, assets on the right. */
function PathGraph({ layout }: { layout: PathGraphLayout }) {
  const arrow = (x: number, y: number, color: string) => (
    <Polygon points={`${x},${y} ${x - 5},${y - 2.5} ${x - 5},${y + 2.5}`} fill={color} />
  );
  return (
    <Svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`}>
      {layout.edges.map((e, i) => (
        <Path
          key={`e${i}`}
          d={e.d}
          stroke={KIND_COLOR[e.kind]}
          strokeWidth={0.6 + 2 * e.weight}
          fill="none"
          strokeOpacity={0.85}
        />
      ))}
      {layout.edges.map((e, i) => (
        <G key={`a${i}`}>{arrow(e.endX, e.endY, KIND_COLOR[e.kind])}</G>
      ))}
      {layout.nodes.map((n) => (
        <G key={n.key}>
          <Rect
            x={n.x}
            y={n.y}
            width={n.width}
            height={n.height}
            rx={3}
            ry={3}
            fill={NODE_FILL[n.type]}
            stroke="#94a3b8"
            strokeWidth={0.5}
          />
          <Text
            x={n.x + n.width / 2}
            y={n.y + n.height / 2 + 2.5}
            textAnchor="middle"
            fill={NODE_TEXT[n.type]}
            style={{ fontSize: 6.5 } as object}
          >
            {printable(n.label)}
          </Text>
        </G>
      ))}
    </Svg>
  );
}

function TopPath({ path, index, name }: { path: ReportPath; index: number; name: (key: string) => string }) {
  return (
    <View style={styles.path} wrap={false}>
      <P
        style={{ fontFamily: "Helvetica-Bold" }}
      >{`${index + 1}. -> ${path.assetName} (criticality ${path.criticality})`}</P>
      <P
        style={styles.muted}
      >{`P(affected) ${formatPercent(path.probability)} · adds ${formatScore(path.contribution)} to exposure`}</P>
      {path.hops.map((hop, h) => (
        <View key={h} style={styles.hop}>
          <View style={[styles.swatch, { backgroundColor: KIND_COLOR[hop.kind] }]} />
          <View style={{ flex: 1 }}>
            <P>{`${name(hop.from)} -> ${name(hop.to)}   ${KIND_LABEL[hop.kind]}, weight ${hop.weight.toFixed(2)}`}</P>
            {hop.reason ? <P style={styles.muted}>{hop.reason}</P> : null}
            <P style={styles.small}>{`from ${hop.provenance}`}</P>
          </View>
        </View>
      ))}
    </View>
  );
}

export function VendorReportDocument({ report }: { report: VendorReport }) {
  const { vendor, score, assessment } = report;
  const name = (key: string) => report.names[key] ?? key.replace(/^[a-z]+:/, "");
  const layout = layoutPathGraph(report.paths, name, CONTENT_WIDTH);
  const sections = new Map<string, ReportAnswer[]>();
  for (const a of assessment?.answers ?? []) sections.set(a.section, [...(sections.get(a.section) ?? []), a]);
  return (
    <Document
      title={printable(`${vendor.name} — Trustmap vendor report`)}
      author="Trustmap"
      subject="Vendor amplification score"
      creator="Trustmap"
      producer="Trustmap"
      creationDate={report.generatedAt}
    >
      <Page size="A4" style={styles.page}>
        <P style={styles.brand}>{`Trustmap vendor report · ${report.organizationName}`}</P>
        <P style={styles.title}>{vendor.name}</P>
        <P
          style={styles.meta}
        >{`${TIER_LABEL[vendor.tier]} tier · generated ${formatDateTime(report.generatedAt)}${score ? ` · model ${score.modelVersion}, computed ${formatDateTime(score.computedAt)}` : ""}`}</P>

        {score ? (
          <>
            <View style={styles.numbers}>
              <View style={styles.number}>
                <P style={styles.numberLabel}>Exposure</P>
                <P style={styles.numberValue}>{formatScore(score.exposure)}</P>
              </View>
              <View style={styles.number}>
                <P style={styles.numberLabel}>Amplification</P>
                <P style={styles.numberValue}>{formatPercent(score.amplification)}</P>
              </View>
              <View style={styles.number}>
                <P style={styles.numberLabel}>Critical assets reachable</P>
                <P style={styles.numberValue}>{String(score.criticalAssetsReached)}</P>
              </View>
              <View style={styles.number}>
                <P style={styles.numberLabel}>Assets reachable</P>
                <P style={styles.numberValue}>{String(score.assetsReached)}</P>
              </View>
            </View>
            <P style={{ marginTop: 8 }}>{score.explanation}</P>
            <P style={[styles.small, { marginTop: 4 }]}>
              {score.model2
                ? `Footprint exposure (through ${vendor.name}'s own products and services, up to the first of your assets): ${formatScore(score.model2.footprintExposure)}; beyond its footprint: ${formatScore(score.model2.beyondFootprintExposure)}. Amplification is the share of exposure that reaches beyond the footprint. Exposure range with unknown answers at their best control: ${formatScore(score.model2.exposureLow)} to ${formatScore(score.model2.exposureHigh)} (evidence gap ${formatScore(score.model2.evidenceGap)}).`
                : `Direct exposure (one hop from ${vendor.name}): ${formatScore(score.directExposure)}. Computed under scoring model 1, where amplification was the share not one hop from the vendor; a recompute under model 2 is queued.`}
            </P>

            <P style={styles.h2}>Exposure by linkage kind</P>
            <KindBar byKind={score.byKind} />
            <P style={[styles.small, { marginTop: 4 }]}>
              Adjacency: network reach. Inheritance: shared components, firmware and update channels. Trust:
              delegated access such as remote maintenance or management platforms.
            </P>

            <P style={styles.h2}>{`Critical assets reachable (${report.criticalAssetsTotal})`}</P>
            {report.criticalAssets.length === 0 ? (
              <P style={styles.muted}>No critical asset is reachable in the current graph.</P>
            ) : (
              <View>
                <View style={styles.headRow}>
                  <P style={{ flex: 1 }}>Asset</P>
                  <P style={{ width: 70, textAlign: "right" }}>Criticality</P>
                  <P style={{ width: 80, textAlign: "right" }}>P(affected)</P>
                </View>
                {report.criticalAssets.map((a, i) => (
                  <View key={i} style={styles.row} wrap={false}>
                    <P style={{ flex: 1 }}>{a.name}</P>
                    <P style={{ width: 70, textAlign: "right" }}>{String(a.criticality)}</P>
                    <P style={{ width: 80, textAlign: "right" }}>{formatPercent(a.probability)}</P>
                  </View>
                ))}
                {report.criticalAssetsTotal > report.criticalAssets.length ? (
                  <P
                    style={[styles.small, { marginTop: 3 }]}
                  >{`… and ${report.criticalAssetsTotal - report.criticalAssets.length} more; the portal lists them all.`}</P>
                ) : null}
              </View>
            )}

            <View wrap={false}>
              <P style={styles.h2}>Linkage graph of the top paths</P>
              {layout.nodes.length === 0 ? (
                <P style={styles.muted}>No path reaches an asset yet.</P>
              ) : (
                <>
                  <PathGraph layout={layout} />
                  <View style={{ flexDirection: "row", marginTop: 4 }}>
                    {(["vendor", "component", "asset"] as const).map((t) => (
                      <View key={t} style={{ flexDirection: "row", marginRight: 14 }}>
                        <View
                          style={[
                            styles.swatch,
                            { backgroundColor: NODE_FILL[t], border: "0.5pt solid #94a3b8" },
                          ]}
                        />
                        <P style={styles.small}>
                          {t === "vendor"
                            ? "Vendor"
                            : t === "component"
                              ? "Component / service"
                              : "Your asset"}
                        </P>
                      </View>
                    ))}
                    {(Object.keys(KIND_LABEL) as LinkageKind[]).map((k) => (
                      <View key={k} style={{ flexDirection: "row", marginRight: 14 }}>
                        <View style={[styles.swatch, { backgroundColor: KIND_COLOR[k] }]} />
                        <P style={styles.small}>{KIND_LABEL[k]}</P>
                      </View>
                    ))}
                  </View>
                </>
              )}
            </View>

            <P style={styles.h2}>Top paths</P>
            {report.paths.length === 0 ? (
              <P style={styles.muted}>No path reaches an asset yet.</P>
            ) : (
              report.paths.map((p, i) => <TopPath key={i} path={p} index={i} name={name} />)
            )}
          </>
        ) : (
          <P
            style={{ marginTop: 12 }}
          >{`Not scored yet. ${vendor.name} is scored once one of its assessments is accepted and its answers attach to your assets.`}</P>
        )}

        <P style={styles.h2} break={assessment !== null && assessment.answers.length > 0}>
          Answers
        </P>
        {assessment === null ? (
          <P style={styles.muted}>No accepted assessment yet.</P>
        ) : (
          <>
            <P
              style={styles.muted}
            >{`${assessment.templateTitle} v${assessment.templateVersion} · accepted answers, revision ${assessment.revision}${assessment.acceptedAt ? ` · accepted ${formatDate(assessment.acceptedAt)}` : ""}`}</P>
            {[...sections.entries()].map(([section, answers]) => (
              <View key={section}>
                <P style={styles.h3}>{section}</P>
                {answers.map((a) => (
                  <View key={a.questionId} style={styles.answer}>
                    <Text style={{ fontFamily: "Helvetica-Bold" }} minPresenceAhead={24}>
                      {printable(a.label)}
                    </Text>
                    <P>{a.answer}</P>
                    <P style={styles.small}>{a.provenance}</P>
                  </View>
                ))}
              </View>
            ))}
          </>
        )}

        <View style={styles.footer} fixed>
          <Text>
            {printable(`${vendor.name} · Trustmap vendor report · ${formatDate(report.generatedAt)}`)}
          </Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

/** The report as PDF bytes. */
export async function renderVendorReport(report: VendorReport): Promise<Buffer> {
  return renderToBuffer(<VendorReportDocument report={report} />);
}
