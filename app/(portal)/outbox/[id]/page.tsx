import type { Metadata } from "next";
import Link from "next/link";

import { formatDateTime } from "@/components/assessments/status-badge";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/actions/or-not-found";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { getSentMail } from "@/lib/domain/outbox/read-sent-mail";

import { mailKindLabel } from "../_components/mail-kind";

export const metadata: Metadata = { title: "E-mail" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewOutbox");
  const { id } = await params;
  const m = await orNotFound(getSentMail(getDb(), user, id));
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/outbox" className="hover:underline">
          Outbox
        </Link>{" "}
        / message
      </nav>
      <PageHeader
        title={m.subject}
        description={
          <>
            {mailKindLabel(m.kind)} · from {m.from} to {m.to} · {formatDateTime(m.sentAt)}
          </>
        }
      />
      {m.kind === "assessment.invitation" ? (
        <div className="mb-6">
          <Alert tone="info">
            The invitation link is masked (••••••••): it works only from the recipient&apos;s own e-mail. To
            give them a new link, send the questionnaire again from the assessment.
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="As the recipient sees it">
          {m.html ? (
            // A sandboxed frame: the message's HTML can neither run script nor touch the portal.
            <iframe
              title="E-mail preview"
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={m.html}
              className="h-[640px] w-full rounded border border-slate-200 bg-white"
            />
          ) : (
            <p className="text-sm text-slate-600">This message has no HTML part.</p>
          )}
        </Card>
        <Card title="Plain-text version">
          <pre
            className="font-mono text-xs break-words whitespace-pre-wrap text-slate-800"
            data-testid="mail-text"
          >
            {m.text}
          </pre>
        </Card>
      </div>
    </>
  );
}
