import type { Metadata } from "next";
import Link from "next/link";

import { formatDateTime } from "@/components/assessments/status-badge";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { listSentMail } from "@/lib/domain/outbox/read-sent-mail";

import { mailKindLabel } from "./_components/mail-kind";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  const user = await requirePageUser("viewOutbox");
  const messages = await listSentMail(getDb(), user, { limit: 100 });
  return (
    <>
      <PageHeader
        title="Outbox"
        description={
          <>
            The e-mails the portal sent for {user.organizationName}, newest first. Invitation links are masked
            here: only the recipient can open them.
          </>
        }
      />
      {messages.length === 0 ? (
        <EmptyState title="No e-mails sent yet">
          Send a questionnaire from Assessments; the invitation appears here.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {messages.map((m) => (
            <li key={m.id}>
              <Link
                href={`/outbox/${m.id}`}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 hover:bg-slate-50"
              >
                <span>
                  <span className="block font-medium text-slate-900">{m.subject}</span>
                  <span className="text-sm text-slate-600">to {m.to}</span>
                </span>
                <span className="flex items-center gap-3">
                  <Badge tone="slate">{mailKindLabel(m.kind)}</Badge>
                  <time className="text-sm text-slate-500" dateTime={m.sentAt.toISOString()}>
                    {formatDateTime(m.sentAt)}
                  </time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
