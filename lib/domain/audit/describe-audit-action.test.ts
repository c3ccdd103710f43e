import { describe, expect, it } from "vitest";

import { describeAuditAction, describeEntityType } from "./describe-audit-action";

describe("describeAuditAction", () => {
  it.each([
    ["user.sign_in", "Signed in"],
    ["assessment.comment_delete", "Review comment deleted"],
    // Names the page has never seen (e.g. recorded by newer code) are spelt out, never dropped.
    ["evidence.download_zip", "Evidence: download zip"],
    ["user.sign_in_throttled", "User: sign in throttled"],
    ["auth.sign-in.throttled", "Auth: sign in throttled"],
    ["vendor_contact", "Vendor contact"],
    ["", "(no action)"],
    ["...", "..."],
  ])("%j -> %j", (action, label) => expect(describeAuditAction(action)).toBe(label));
});

describe("describeEntityType", () => {
  it.each([
    ["Vendor", "Vendor"],
    ["VendorContact", "Vendor contact"],
    ["AssetConnection", "Asset connection"],
    ["scoring_run", "Scoring run"],
  ])("%j -> %j", (type, label) => expect(describeEntityType(type)).toBe(label));
});
