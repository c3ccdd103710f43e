/**
 * Turns a rule's endpoint ({ kind, name? | answerOf? | identifyBy? }) into graph nodes for one
 * vendor: the vendor itself, the buyer's assets (deployments, zones, named infrastructure),
 * components deduplicated across vendors, or nodes the vendor operates (platform, update service,
 * remote access, credentials). Anything the inventory cannot place becomes a placeholder node plus a
 * "needs mapping" entry, so nothing the supplier said is silently dropped.
 */
import type { ChoiceQuestion, GroupRow, NodeEndpoint, NodeKind, Question } from "../questionnaire";
import { normalizeComponentName, resolveComponentIdentity } from "./component-identity";
import { assetKey, vendorKey } from "./keys";
import type { Deployment, ExtractedNode, ExtractionConfig, InventoryAsset, NeedsMapping } from "./types";

/** Node kinds the vendor operates itself: compromising the vendor compromises them (custody linkage). */
export const VENDOR_OPERATED_KINDS: ReadonlySet<NodeKind> = new Set([
  "platform",
  "update_service",
  "remote_access",
  "credential",
]);

const SUBTYPES: Partial<Record<NodeKind, string>> = {
  platform: "management-platform",
  update_service: "update-service",
  remote_access: "remote-access",
  credential: "credential",
  sub_supplier: "sub-supplier",
  component: "component",
};

const KIND_LABELS: Record<NodeKind, string> = {
  vendor: "vendor",
  product: "products",
  component: "component",
  asset: "asset",
  zone: "zone",
  platform: "platform",
  update_service: "update service",
  remote_access: "remote access",
  sub_supplier: "sub-supplier",
  credential: "credential",
};

export interface EndpointContext {
  readonly question: Question;
  /** The choice owning the rule, when it is a choice rule. */
  readonly choiceId?: string;
  /** Per-row emission: the row and its index; `row` undefined with `rowIndex` undefined means the unknown placeholder row. */
  readonly row?: GroupRow;
  readonly rowIndex?: number;
  readonly perRow: boolean;
  /** The emitting question is unknown: a multiple choice's implicit per-choice nodes collapse into one placeholder. */
  readonly unknown?: boolean;
}

/** How an answerOf source question reads: its selected choice ids, or unknown. */
export type ChoiceSelection =
  { readonly known: true; readonly choiceIds: readonly string[] } | { readonly known: false };

export interface EndpointEnvironment {
  readonly vendor: { readonly id: string; readonly name: string };
  readonly deployments: readonly Deployment[];
  readonly assets: readonly InventoryAsset[];
  readonly config: ExtractionConfig;
  readonly questionsById: ReadonlyMap<string, Question>;
  readonly selectionOf: (questionId: string) => ChoiceSelection;
  readonly warn: (message: string) => void;
}

/** A pending needs-mapping entry, reported only if a kept linkage uses its node. */
export type PendingMapping = Omit<NeedsMapping, "nodeKey">;

/**
 * Resolves endpoints and remembers the nodes (and placeholder mappings) they produced. One registry
 * per extraction; the extractor reports only the nodes that kept linkages use.
 */
export class NodeRegistry {
  readonly nodes = new Map<string, ExtractedNode>();
  readonly mappings = new Map<string, PendingMapping[]>();
  /** Nodes the vendor operates itself (see VENDOR_OPERATED_KINDS), including their unknown placeholders. */
  readonly operated = new Set<string>();
  private readonly zoneAssets: readonly InventoryAsset[];
  private readonly deployedAssets: readonly Deployment[];

  constructor(private readonly env: EndpointEnvironment) {
    const zoneTypes = new Set(env.config.zoneAssetTypes.map(normalizeLabel));
    this.zoneAssets = env.assets.filter((a) => zoneTypes.has(normalizeLabel(a.type)));
    const seen = new Set<string>();
    this.deployedAssets = env.deployments.filter((d) =>
      seen.has(d.assetId) ? false : (seen.add(d.assetId), true),
    );
  }

  get vendorKey(): string {
    return vendorKey(this.env.vendor.id);
  }

  resolve(endpoint: NodeEndpoint, ctx: EndpointContext): string[] {
    switch (endpoint.kind) {
      case "vendor":
        this.add({ key: this.vendorKey, type: "vendor", name: this.env.vendor.name });
        return [this.vendorKey];
      case "product":
        return this.deployments(ctx);
      case "asset":
        return this.resolveAsset(endpoint, ctx);
      case "zone":
        return this.resolveZone(endpoint, ctx);
      case "component":
        return this.resolveComponent(endpoint, ctx);
      default:
        return this.resolveVendorScoped(endpoint, ctx);
    }
  }

  private add(node: ExtractedNode): void {
    if (!this.nodes.has(node.key)) this.nodes.set(node.key, node);
  }

  private addMapping(nodeKey: string, mapping: PendingMapping): void {
    // One entry per node and row: the first question (in template order) that needed it.
    const list = this.mappings.get(nodeKey) ?? [];
    if (!list.some((m) => m.rowIndex === mapping.rowIndex)) list.push(mapping);
    this.mappings.set(nodeKey, list);
  }

  private vendorScopedKey(kind: NodeKind, suffix?: string): string {
    return `${this.vendorKey}/${kind}${suffix === undefined ? "" : `/${suffix}`}`;
  }

  /** The vendor's deployed assets, or a placeholder when none are recorded. */
  private deployments(ctx: EndpointContext): string[] {
    if (this.deployedAssets.length > 0) {
      return this.deployedAssets.map((d) => {
        const key = assetKey(d.assetId);
        this.add({ key, type: "asset", name: d.assetName, subtype: d.assetType });
        return key;
      });
    }
    const key = this.vendorScopedKey("product");
    this.add({
      key,
      type: "asset",
      name: `${this.env.vendor.name} products (deployment not recorded)`,
      subtype: "product",
      placeholder: true,
    });
    this.addMapping(key, {
      questionId: ctx.question.id,
      label: `${this.env.vendor.name} products`,
      reason: "record where this vendor's products are deployed",
    });
    return [key];
  }

  private resolveAsset(endpoint: NodeEndpoint, ctx: EndpointContext): string[] {
    if (endpoint.identifyBy) {
      const label = firstRowValue(ctx.row, endpoint.identifyBy);
      if (label === undefined) return [this.unknownRowPlaceholder("asset", ctx, "asset")];
      const matches = this.matchAssets(this.env.assets, [label]);
      if (matches.length > 1) {
        this.env.warn(
          `"${label}" (${ctx.question.id}, row ${(ctx.rowIndex ?? 0) + 1}) matches ${matches.length} assets; linked to all of them`,
        );
      }
      if (matches.length > 0) return matches.map((a) => this.inventoryAsset(a));
      const key = `asset:unmapped:${normalizeComponentName(label)}`;
      this.add({ key, type: "asset", name: label, subtype: "unmapped", placeholder: true });
      this.addMapping(key, {
        questionId: ctx.question.id,
        ...(ctx.rowIndex !== undefined && { rowIndex: ctx.rowIndex }),
        label,
        reason: `no asset in the inventory is named or aliased "${label}"; map it to the asset the supplier means`,
      });
      return [key];
    }
    if (endpoint.answerOf) return this.resolveChoiceAssets(endpoint.answerOf, ctx, this.env.assets, "asset");
    if (endpoint.name) return [this.namedPlaceholder("asset", endpoint.name, ctx)];
    return this.deployments(ctx);
  }

  private resolveZone(endpoint: NodeEndpoint, ctx: EndpointContext): string[] {
    if (endpoint.identifyBy) {
      const label = firstRowValue(ctx.row, endpoint.identifyBy);
      if (label === undefined) return [this.unknownRowPlaceholder("zone", ctx, "zone")];
      return this.zoneByLabels([label], label, ctx);
    }
    if (endpoint.answerOf) return this.resolveChoiceAssets(endpoint.answerOf, ctx, this.zoneAssets, "zone");
    if (endpoint.name) return [this.namedPlaceholder("zone", endpoint.name, ctx)];
    return this.deployments(ctx);
  }

  /**
   * One node set per selected choice of the source question. Unknown source: every inventory node of
   * that kind (pessimistic), else the vendor's deployments, else an "unknown" placeholder.
   */
  private resolveChoiceAssets(
    sourceId: string,
    ctx: EndpointContext,
    pool: readonly InventoryAsset[],
    kind: "asset" | "zone",
  ): string[] {
    const source = this.env.questionsById.get(sourceId);
    const selection = this.env.selectionOf(sourceId);
    if (
      !source ||
      (source.type !== "single_choice" && source.type !== "multiple_choice") ||
      !selection.known
    ) {
      if (pool.length > 0) return pool.map((a) => this.inventoryAsset(a));
      if (this.deployedAssets.length > 0) return this.deployments(ctx);
      return [
        this.namedPlaceholder(
          kind,
          "unknown",
          ctx,
          `unknown ${kind} (${source?.label ?? sourceId} not known)`,
        ),
      ];
    }
    const keys: string[] = [];
    for (const choiceId of selection.choiceIds) {
      const choice = (source as ChoiceQuestion).choices.find((c) => c.id === choiceId);
      const labels = choiceLabels(choiceId, choice?.label);
      keys.push(...this.zoneByLabels(labels, choice?.label ?? choiceId, ctx, pool, kind, choiceId));
    }
    return keys;
  }

  /**
   * Inventory nodes whose name or alias matches one of the labels; for zones, those hosting a
   * deployment of this vendor when any does. No inventory match: the deployments recorded in that
   * zone (or with no zone recorded); nothing at all: a placeholder to map.
   */
  private zoneByLabels(
    labels: readonly string[],
    display: string,
    ctx: EndpointContext,
    pool: readonly InventoryAsset[] = this.zoneAssets,
    kind: "asset" | "zone" = "zone",
    choiceId?: string,
  ): string[] {
    const matches = this.matchAssets(pool, labels);
    if (matches.length > 0) {
      const hostZones = new Set(
        this.deployedAssets.map((d) => normalizeLabel(d.zone ?? "")).filter((z) => z !== ""),
      );
      const hosting = matches.filter((a) =>
        [a.id, a.name, ...(a.aliases ?? [])].some((n) => hostZones.has(normalizeLabel(n))),
      );
      return (hosting.length > 0 ? hosting : matches).map((a) => this.inventoryAsset(a));
    }
    if (kind === "zone") {
      const wanted = new Set(labels.map(normalizeLabel));
      const deployed = this.deployedAssets.filter(
        (d) => d.zone == null || d.zone.trim() === "" || wanted.has(normalizeLabel(d.zone)),
      );
      if (deployed.length > 0) {
        this.env.warn(
          `zone "${display}" (${ctx.question.id}) matches no zone asset in the inventory; linked to the vendor's deployed assets there instead`,
        );
        return deployed.map((d) => {
          const key = assetKey(d.assetId);
          this.add({ key, type: "asset", name: d.assetName, subtype: d.assetType });
          return key;
        });
      }
    }
    const key = this.vendorScopedKey(kind, choiceId ?? normalizeComponentName(display).replace(/ /g, "_"));
    this.add({
      key,
      type: "asset",
      name: `${display} (${this.env.vendor.name})`,
      subtype: kind,
      placeholder: true,
    });
    this.addMapping(key, {
      questionId: ctx.question.id,
      ...(ctx.rowIndex !== undefined && { rowIndex: ctx.rowIndex }),
      label: display,
      reason:
        kind === "zone"
          ? `no zone in the inventory matches "${display}" and no deployment of this vendor is recorded there; add the zone or record the deployment`
          : `no asset in the inventory matches "${display}"; map it to the asset the supplier means`,
    });
    return [key];
  }

  private resolveComponent(endpoint: NodeEndpoint, ctx: EndpointContext): string[] {
    if (endpoint.identifyBy) {
      if (!ctx.row) return [this.unknownRowPlaceholder("component", ctx, "component")];
      const fields = endpoint.identifyBy;
      const text = (id: string) => (fields.includes(id) ? rowText(ctx.row, id) : undefined);
      const name = firstRowValue(
        ctx.row,
        fields.filter((f) => f !== "purl" && f !== "cpe"),
      );
      const version = rowText(ctx.row, "version");
      const resolved = resolveComponentIdentity({ purl: text("purl"), cpe: text("cpe"), name, version });
      const where = `${ctx.question.id}, row ${(ctx.rowIndex ?? 0) + 1}`;
      for (const r of resolved?.rejected ?? [])
        this.env.warn(
          `${r.field} "${r.value}" (${where}) is not a valid ${r.field === "purl" ? "package URL" : "CPE"}; identified the component by the next identifier instead`,
        );
      if (!resolved) return [this.unknownRowPlaceholder("component", ctx, "component")];
      const display = rowText(ctx.row, "name") ?? name ?? resolved.purl ?? resolved.cpe ?? resolved.key;
      this.add({
        key: resolved.key,
        type: "component",
        name:
          resolved.version !== undefined && !display.includes(resolved.version)
            ? `${display} ${resolved.version}`
            : display,
        subtype: rowText(ctx.row, "type") ?? "component",
        identity: {
          ...(resolved.purl !== undefined && { purl: resolved.purl }),
          ...(resolved.cpe !== undefined && { cpe: resolved.cpe }),
          ...(resolved.normalizedName !== undefined && { normalizedName: resolved.normalizedName }),
          ...(resolved.version !== undefined && { version: resolved.version }),
        },
      });
      return [resolved.key];
    }
    return this.resolveVendorScoped(endpoint, ctx);
  }

  /** Platform, update service, remote access, credential, sub-supplier, and vendor-specific components. */
  private resolveVendorScoped(endpoint: NodeEndpoint, ctx: EndpointContext): string[] {
    const kind = endpoint.kind;
    if (endpoint.identifyBy) {
      const label = firstRowValue(ctx.row, endpoint.identifyBy);
      if (label === undefined) return [this.unknownRowPlaceholder(kind, ctx, SUBTYPES[kind] ?? kind)];
      const normalized = normalizeComponentName(label);
      // Sub-suppliers are organisations: the same one named by several vendors is one node.
      const key =
        kind === "sub_supplier"
          ? `sub_supplier:${normalized}`
          : this.vendorScopedKey(kind, `row:${normalized}`);
      const name =
        kind === "sub_supplier" ? label : `${label} (${this.env.vendor.name} ${KIND_LABELS[kind]})`;
      this.add({ key, type: "component", name, subtype: SUBTYPES[kind] ?? kind });
      if (VENDOR_OPERATED_KINDS.has(kind)) this.operated.add(key);
      return [key];
    }
    if (endpoint.answerOf) {
      const selection = this.env.selectionOf(endpoint.answerOf);
      const source = this.env.questionsById.get(endpoint.answerOf);
      const choices =
        source && (source.type === "single_choice" || source.type === "multiple_choice")
          ? source.choices
          : [];
      // Unknown source: one placeholder standing for whichever it is, never one node per choice (which would compound).
      if (!selection.known)
        return [
          this.operatedNode(
            kind,
            `unknown/${endpoint.answerOf}`,
            `not known: ${source?.label ?? endpoint.answerOf}`,
            true,
          ),
        ];
      return selection.choiceIds.map((id) =>
        this.operatedNode(kind, id, choices.find((c) => c.id === id)?.label ?? id),
      );
    }
    if (endpoint.name) return [this.operatedNode(kind, endpoint.name, humanize(endpoint.name))];
    // A choice of a multiple-choice question qualifies the implicit node: each update path is its own update service.
    if (ctx.choiceId !== undefined && ctx.question.type === "multiple_choice") {
      // Unknown answer: the same single placeholder an answerOf endpoint on this question resolves to.
      if (ctx.unknown)
        return [
          this.operatedNode(kind, `unknown/${ctx.question.id}`, `not known: ${ctx.question.label}`, true),
        ];
      const label = ctx.question.choices.find((c) => c.id === ctx.choiceId)?.label ?? ctx.choiceId;
      return [this.operatedNode(kind, ctx.choiceId, label)];
    }
    return [this.operatedNode(kind)];
  }

  private operatedNode(kind: NodeKind, suffix?: string, label?: string, placeholder = false): string {
    const key = this.vendorScopedKey(kind, suffix);
    const base = `${this.env.vendor.name} ${KIND_LABELS[kind]}`;
    const name = label === undefined ? base : `${base} (${label.charAt(0).toLowerCase()}${label.slice(1)})`;
    this.add({
      key,
      type: "component",
      name,
      subtype: SUBTYPES[kind] ?? kind,
      ...(placeholder && { placeholder: true as const }),
    });
    if (VENDOR_OPERATED_KINDS.has(kind)) this.operated.add(key);
    return key;
  }

  /** A named implicit asset or zone ("network_peers"): not in any inventory by name, so it is mapped by the buyer. */
  private namedPlaceholder(
    kind: "asset" | "zone",
    name: string,
    ctx: EndpointContext,
    display = humanize(name),
  ): string {
    const key = this.vendorScopedKey(kind, name);
    this.add({
      key,
      type: "asset",
      name: `${display} (${this.env.vendor.name})`,
      subtype: kind,
      placeholder: true,
    });
    this.addMapping(key, {
      questionId: ctx.question.id,
      label: display,
      reason: `the answers imply linkages with "${display}" of this vendor's products; map it to the buyer's ${kind === "zone" ? "zones" : "assets"}`,
    });
    return key;
  }

  /** The single stand-in node a per-row rule emits to when the list itself is unknown (no rows, "don't know"). */
  private unknownRowPlaceholder(kind: NodeKind, ctx: EndpointContext, subtype: string): string {
    const key = this.vendorScopedKey(
      kind,
      `unknown/${ctx.question.id}${ctx.rowIndex !== undefined ? `/${ctx.rowIndex}` : ""}`,
    );
    const itemLabel =
      ctx.question.type === "group" ? (ctx.question.itemLabel ?? KIND_LABELS[kind]) : KIND_LABELS[kind];
    const isAssetLike = kind === "asset" || kind === "zone";
    this.add({
      key,
      type: isAssetLike ? "asset" : "component",
      name: `Unknown ${itemLabel.toLowerCase()} (${this.env.vendor.name}: ${ctx.question.label})`,
      subtype,
      placeholder: true,
    });
    if (VENDOR_OPERATED_KINDS.has(kind)) this.operated.add(key);
    if (isAssetLike) {
      this.addMapping(key, {
        questionId: ctx.question.id,
        ...(ctx.rowIndex !== undefined && { rowIndex: ctx.rowIndex }),
        label: `unknown ${itemLabel.toLowerCase()}`,
        reason: "the supplier did not say which; find out and map it",
      });
    }
    return key;
  }

  private inventoryAsset(asset: InventoryAsset): string {
    const key = assetKey(asset.id);
    this.add({ key, type: "asset", name: asset.name, subtype: asset.type });
    return key;
  }

  /** Case-insensitive match on name or alias; failing that, on the normalised form ("GW-01" = "gw 01"). */
  private matchAssets(pool: readonly InventoryAsset[], labels: readonly string[]): InventoryAsset[] {
    const exact = new Set(labels.map((l) => l.trim().toLowerCase().replace(/\s+/g, " ")));
    const namesOf = (a: InventoryAsset) => [a.name, ...(a.aliases ?? [])];
    const byExact = pool.filter((a) =>
      namesOf(a).some((n) => exact.has(n.trim().toLowerCase().replace(/\s+/g, " "))),
    );
    if (byExact.length > 0) return byExact;
    const loose = new Set(labels.map(normalizeLabel).filter((l) => l !== ""));
    return pool.filter((a) => namesOf(a).some((n) => loose.has(normalizeLabel(n))));
  }
}

function normalizeLabel(text: string): string {
  return normalizeComponentName(text);
}

/** A choice's id and label, plus the label before a dash ("Level 2 — area supervisory control" → "Level 2"). */
function choiceLabels(choiceId: string, label: string | undefined): string[] {
  const labels = [choiceId.replace(/_/g, " ")];
  if (label !== undefined) {
    labels.push(label);
    const head = label.split(/\s+[—–-]\s+/)[0];
    if (head !== undefined && head !== label) labels.push(head);
  }
  return labels;
}

function rowText(row: GroupRow | undefined, fieldId: string): string | undefined {
  if (!row || !Object.hasOwn(row, fieldId)) return undefined;
  const value = row[fieldId];
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function firstRowValue(row: GroupRow | undefined, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const value = rowText(row, field);
    if (value !== undefined) return value;
  }
  return undefined;
}

function humanize(id: string): string {
  return id.replace(/_/g, " ");
}
