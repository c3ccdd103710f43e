import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { isSinkMessageId, readSinkMessage } from "@/lib/mail/sink";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/assessments/status-badge";

export const metadata: Metadata = { title: "E-mail" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("viewOutbox");
  const { id } = await params;
  const dir = process.env.MAIL_SINK_DIR;
  if (!dir || !isSinkMessageId(id)) notFound();
  const m = await readSinkMessage(dir, id);
  if (!m) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500"><Link href="/outbox" className="hover:underline">Outbox</Link> / message</nav>
      <PageHeader title={m.subject} description={<>From {m.from} to {m.to} · {formatDateTime(m.date)}</>} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="As the recipient sees it">
          {m.html ? (
            // A sandboxed frame: the message's HTML can neither run script nor touch the portal.
            <iframe title="E-mail preview" sandbox="allow-popups allow-popups-to-escape-sandbox" srcDoc={m.html} className="h-[640px] w-full rounded border border-slate-200 bg-white" />
          ) : <p className="text-sm text-slate-600">This message has no HTML part.</p>}
        </Card>
        <Card title="Plain-text version">
          <pre className="whitespace-pre-wrap break-words font-mono text-xs text-slate-800" data-testid="mail-text">{m.text}</pre>
        </Card>
      </div>
    </>
  );
}
