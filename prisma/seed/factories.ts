// Row builders shared by the demo seed and the tests ("seed functions double as test factories").
// They write through a plain Prisma client and never check permissions: callers are trusted code.
import { randomBytes } from "node:crypto";

import { hashPassword } from "../../lib/auth/password";
import type { Db } from "../../lib/db/create-client";
import { templateChecksum } from "../../lib/db/template-checksum";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { Role, VendorTier } from "../../lib/generated/prisma/enums";
import { assetKey } from "../../lib/linkage/keys";
import { BUILT_IN_TEMPLATES, type Template } from "../../lib/questionnaire";

const uniq = () => randomBytes(4).toString("hex");

export async function buildOrganization(db: Db, data: { name?: string; slug?: string } = {}) {
  const suffix = uniq();
  return db.organization.create({
    data: { name: data.name ?? `Org ${suffix}`, slug: data.slug ?? `org-${suffix}` },
    select: { id: true, name: true, slug: true },
  });
}

export async function buildUser(
  db: Db,
  data: {
    organizationId: string;
    role: Role;
    email?: string;
    name?: string;
    password?: string;
    vendorId?: string | null;
  },
) {
  const email = (data.email ?? `${data.role.toLowerCase()}-${uniq()}@example.test`).toLowerCase();
  return db.user.create({
    data: {
      organizationId: data.organizationId,
      role: data.role,
      email,
      name: data.name ?? email.split("@")[0]!,
      vendorId: data.vendorId ?? null,
      passwordHash: data.password ? await hashPassword(data.password) : null,
    },
    select: { id: true, email: true, name: true, role: true, organizationId: true, vendorId: true },
  });
}

export async function buildVendor(
  db: Db,
  data: {
    organizationId: string;
    name?: string;
    tier?: VendorTier;
    country?: string;
    website?: string;
    description?: string;
    archived?: boolean;
  },
) {
  const name = data.name ?? `Vendor ${uniq()}`;
  return db.vendor.create({
    data: {
      organizationId: data.organizationId,
      name,
      normalizedName: name.trim().replace(/\s+/g, " ").toLowerCase(),
      tier: data.tier ?? "MEDIUM",
      country: data.country,
      website: data.website,
      description: data.description,
      archivedAt: data.archived ? new Date() : null,
    },
    select: { id: true, name: true, organizationId: true },
  });
}

export async function buildContact(
  db: Db,
  data: {
    organizationId: string;
    vendorId: string;
    name?: string;
    email?: string;
    isPrimary?: boolean;
    jobTitle?: string;
  },
) {
  return db.vendorContact.create({
    data: {
      organizationId: data.organizationId,
      vendorId: data.vendorId,
      name: data.name ?? `Contact ${uniq()}`,
      email: (data.email ?? `contact-${uniq()}@example.test`).toLowerCase(),
      isPrimary: data.isPrimary ?? false,
      jobTitle: data.jobTitle,
    },
    select: { id: true, email: true, name: true },
  });
}

export async function buildTemplate(db: Db, data: { organizationId: string; template: Template }) {
  return db.questionnaireTemplate.create({
    data: {
      organizationId: data.organizationId,
      key: data.template.key,
      version: data.template.version,
      title: data.template.title,
      definition: data.template as unknown as Prisma.InputJsonValue,
      checksum: templateChecksum(data.template),
    },
    select: { id: true, key: true, version: true },
  });
}

/** Every built-in questionnaire (lib/questionnaire/templates) as a template of the organisation. */
export async function buildBuiltInTemplates(db: Db, organizationId: string) {
  const rows = [];
  for (const build of Object.values(BUILT_IN_TEMPLATES))
    rows.push(await buildTemplate(db, { organizationId, template: build() }));
  return rows;
}

// Added for the inventory; the types are imported inline so that this block only appends.
type AssetType = import("../../lib/generated/prisma/enums").AssetType;
type LinkageKind = import("../../lib/generated/prisma/enums").LinkageKind;

export async function buildAsset(
  db: Db,
  data: {
    organizationId: string;
    name?: string;
    type?: AssetType;
    criticality?: number;
    safetyImpact?: boolean;
    site?: string;
    zone?: string;
    aliases?: string[];
    description?: string;
  },
) {
  const name = data.name ?? `Asset ${uniq()}`;
  return db.asset.create({
    data: {
      organizationId: data.organizationId,
      name,
      normalizedName: name.trim().replace(/\s+/g, " ").toLowerCase(),
      type: data.type ?? "CONTROLLER",
      criticality: data.criticality ?? 3,
      safetyImpact: data.safetyImpact ?? false,
      site: data.site,
      zone: data.zone,
      aliases: data.aliases ?? [],
      description: data.description,
    },
    select: { id: true, name: true, organizationId: true, type: true, criticality: true },
  });
}

export async function buildDeployment(
  db: Db,
  data: { organizationId: string; vendorId: string; assetId: string; note?: string },
) {
  return db.deployment.create({
    data: {
      organizationId: data.organizationId,
      vendorId: data.vendorId,
      assetId: data.assetId,
      note: data.note,
    },
    select: { id: true, vendorId: true, assetId: true },
  });
}

/** The buyer's own adjacency between two assets: "if `fromAssetId` is compromised, `toAssetId` is affected". */
export async function buildInventoryLinkage(
  db: Db,
  data: {
    organizationId: string;
    fromAssetId: string;
    toAssetId: string;
    kind?: LinkageKind;
    weight?: number;
    reason?: string;
    createdById?: string;
  },
) {
  return db.linkage.create({
    data: {
      organizationId: data.organizationId,
      fromKey: assetKey(data.fromAssetId),
      toKey: assetKey(data.toAssetId),
      kind: data.kind ?? "ADJACENCY",
      weight: data.weight ?? 0.8,
      reason: data.reason ?? "Recorded in the inventory",
      source: "INVENTORY",
      createdById: data.createdById,
    },
    select: { id: true, fromKey: true, toKey: true, kind: true, weight: true },
  });
}
