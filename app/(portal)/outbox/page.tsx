import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { listSinkMessages } from "@/lib/mail/sink";
import { EmptyState, PageHeader, Alert } from "@/components/ui/card";
import { formatDateTime } from "@/components/assessments/status-badge";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  await requirePageUser("viewOutbox");
  const dir = process.env.MAIL_SINK_DIR;
  const messages = dir ? await listSinkMessages(dir, { limit: 100 }) : [];
  return (
    <>
      <PageHeader title="Outbox" description="Demo mode: every e-mail the portal sends is delivered to a local SMTP sink and shown here." />
      {!dir ? <Alert tone="info">This server sends real e-mail through SMTP_URL; there is no local outbox to show.</Alert> : messages.length === 0 ? (
        <EmptyState title="No e-mails sent yet">Send a questionnaire from Assessments; the invitation appears here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {messages.map((m) => (
            <li key={m.id}>
              <Link href={`/outbox/${m.id}`} className="flex flex-wrap justify-between gap-2 px-4 py-3 hover:bg-slate-50">
                <span><span className="block font-medium text-slate-900">{m.subject}</span><span className="text-sm text-slate-600">to {m.to}</span></span>
                <time className="text-sm text-slate-500" dateTime={m.date.toISOString()}>{formatDateTime(m.date)}</time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
