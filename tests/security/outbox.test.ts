// Finding 1 of issue 10: the Outbox listed the process-wide mail sink, so one tenant's admin read
// another's invitation e-mails and used the link. Sent mail is now a table with the organisation,
// read only through the caller's organisation, and stored with invitation tokens masked.
import { describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/roles";
import { createAssessment } from "@/lib/domain/assessment/manage-assessments";
import { inspectInvitation } from "@/lib/domain/invitation/accept-invitation";
import { getSentMail, listSentMail } from "@/lib/domain/outbox/read-sent-mail";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { listSinkMessages } from "@/lib/mail/sink";
import {
  buildContact,
  buildOrganization,
  buildTemplate,
  buildUser,
  buildVendor,
} from "@/prisma/seed/factories";
import { makeTemplate } from "@/tests/support/questionnaire/template-fixtures";

import { withMailSink } from "../integration/fixtures";
import { testDb } from "../integration/setup";

const sink = withMailSink();
process.env.APP_URL = "http://portal.test";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );
const future = () => new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

async function actorFor(organizationId: string, role: Role, vendorId: string | null = null): Promise<Actor> {
  const u = await buildUser(testDb(), { organizationId, role, vendorId });
  return { userId: u.id, organizationId, role, vendorId };
}

/** A tenant whose procurement officer has sent one questionnaire, and its admin. */
async function tenantWithInvitation(name: string) {
  const db = testDb();
  const org = await buildOrganization(db, { name });
  const vendor = await buildVendor(db, { organizationId: org.id, name: `${name} supplier` });
  const contact = await buildContact(db, {
    organizationId: org.id,
    vendorId: vendor.id,
    email: `contact-${vendor.id}@vendor.test`,
  });
  const template = await buildTemplate(db, { organizationId: org.id, template: makeTemplate() });
  const procurement = await actorFor(org.id, "PROCUREMENT");
  await createAssessment(db, procurement, {
    vendorId: vendor.id,
    contactId: contact.id,
    templateId: template.id,
    dueDate: future(),
    send: true,
  });
  const admin = await actorFor(org.id, "ADMIN");
  const [delivered] = (await listSinkMessages(sink.dir(), { limit: 500 })).filter((m) =>
    m.to.includes(contact.email),
  );
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(delivered?.text ?? "")?.[1];
  if (!token) throw new Error(`no invitation delivered to ${contact.email}`);
  return { org, vendor, contact, procurement, admin, token, vendorId: vendor.id };
}

describe("Outbox across tenants", () => {
  it("shows each admin only its own organisation's mail, and another's id is NOT_FOUND", async () => {
    const db = testDb();
    const northwind = await tenantWithInvitation("Northwind");
    const southbridge = await tenantWithInvitation("Southbridge");

    const north = await listSentMail(db, northwind.admin);
    const south = await listSentMail(db, southbridge.admin);
    expect(north.map((m) => m.to)).toEqual([northwind.contact.email]);
    expect(south.map((m) => m.to)).toEqual([southbridge.contact.email]);
    expect(north[0]!.kind).toBe("assessment.invitation");

    // Own message by id: found. The other tenant's, by its real id: not found, as if it did not exist.
    expect((await getSentMail(db, northwind.admin, north[0]!.id)).to).toBe(northwind.contact.email);
    expect((await failure(getSentMail(db, southbridge.admin, north[0]!.id))).code).toBe("NOT_FOUND");
    expect((await failure(getSentMail(db, northwind.admin, south[0]!.id))).code).toBe("NOT_FOUND");
    for (const bad of ["../secret", "", "x".repeat(500), 42, null]) {
      expect((await failure(getSentMail(db, northwind.admin, bad))).code).toBe("NOT_FOUND");
    }
  });

  it("never stores or shows a usable invitation token: the recipient's copy alone holds it", async () => {
    const db = testDb();
    const northwind = await tenantWithInvitation("Northwind");
    const [listed] = await listSentMail(db, northwind.admin);
    const stored = await getSentMail(db, northwind.admin, listed!.id);

    // The recipient's link works...
    expect((await inspectInvitation(db, northwind.token)).state).toBe("new_account");
    // ...but no copy the portal keeps has it, in any part of the message or any column.
    const row = await db.sentMail.findUniqueOrThrow({ where: { id: listed!.id } });
    expect(JSON.stringify(row)).not.toContain(northwind.token);
    expect(JSON.stringify(stored)).not.toContain(northwind.token);
    expect(stored.text).toMatch(/http:\/\/portal\.test\/invite\/\S*•/);
    expect(stored.html).toContain("/invite/");
    expect(stored.subject).toContain("security assessment");
  });

  it("is for administrators only", async () => {
    const db = testDb();
    const northwind = await tenantWithInvitation("Northwind");
    const supplier = await actorFor(northwind.org.id, "SUPPLIER", northwind.vendorId);
    const [listed] = await listSentMail(db, northwind.admin);
    for (const actor of [northwind.procurement, supplier]) {
      expect((await failure(listSentMail(db, actor))).code).toBe("FORBIDDEN");
      expect((await failure(getSentMail(db, actor, listed!.id))).code).toBe("FORBIDDEN");
    }
  });
});
