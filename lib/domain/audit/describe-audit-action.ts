import "server-only";

// Pure: how the audit log names an action. Known actions get a written label; any other (a new
// one, or one another part of the app records later) is spelt out from its dotted name, so the log
// never shows a blank or breaks on a name it has not seen.

const LABELS: Record<string, string> = {
  "user.sign_in": "Signed in",
  "user.sign_out": "Signed out",
  "user.sign_in_failed": "Sign-in failed",
  "vendor.create": "Vendor created",
  "vendor.update": "Vendor changed",
  "vendor.archive": "Vendor archived",
  "vendor.restore": "Vendor restored",
  "vendor_contact.create": "Contact added",
  "vendor_contact.update": "Contact changed",
  "vendor_contact.delete": "Contact removed",
  "assessment.create": "Assessment created",
  "assessment.send": "Questionnaire sent",
  "assessment.resend": "Questionnaire sent again",
  "assessment.remind": "Reminder sent",
  "assessment.cancel": "Assessment cancelled",
  "assessment.comment": "Review comment added",
  "assessment.comment_delete": "Review comment deleted",
  "assessment.submit": "Answers submitted",
  "assessment.resubmit": "Answers resubmitted",
  "assessment.request_changes": "Changes requested",
  "assessment.accept": "Assessment accepted",
  "invitation.accept": "Invitation accepted",
  "invitation.revoke": "Invitation revoked",
  "evidence.upload": "Evidence uploaded",
  "evidence.download": "Evidence downloaded",
  "template.import": "Questionnaire imported",
  "template.export": "Questionnaire exported",
  "asset.create": "Asset created",
  "asset.update": "Asset changed",
  "asset.delete": "Asset deleted",
  "asset.import": "Assets imported",
  "asset_connection.create": "Connection added",
  "asset_connection.delete": "Connection removed",
  "deployment.create": "Deployment added",
  "deployment.delete": "Deployment removed",
  "deployment.buyer_controls": "Buyer-side controls changed",
  "linkage.create": "Linkage added",
  "linkage.delete": "Linkage removed",
  "scoring.full_recompute": "Full recompute requested",
  "scoring.settings": "Scoring settings changed",
  "scoring.exposure_bands": "Exposure bands changed",
  "what_if.save": "What-if scenario saved",
  "what_if.delete": "What-if scenario deleted",
  "what_if.remediation_request": "Remediation requested",
  "portfolio.export_csv": "Portfolio exported (CSV)",
  "graph.export": "Graph exported (JSON)",
  "vendor.export_report": "Vendor report exported (PDF)",
  "audit.export_csv": "Audit log exported (CSV)",
};

const words = (s: string) => s.replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
const capitalised = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** "evidence.download_zip" -> "Evidence: download zip"; "user.sign_in_throttled" -> "User: sign in throttled". */
export function describeAuditAction(action: string): string {
  const known = LABELS[action];
  if (known) return known;
  const [subject = "", ...rest] = action.split(".");
  const verb = words(rest.join(" "));
  const noun = capitalised(words(subject));
  if (!noun) return action || "(no action)";
  return verb ? `${noun}: ${verb}` : noun;
}

/** "vendor_contact" -> "Vendor contact", "AssetConnection" -> "Asset connection". */
export function describeEntityType(entityType: string): string {
  const spaced = entityType.replace(/([a-z0-9])([A-Z])/g, "$1 $2");
  return capitalised(words(spaced).toLowerCase()) || entityType;
}
