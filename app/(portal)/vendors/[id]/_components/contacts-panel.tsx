"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import {
  createContactAction,
  deleteContactAction,
  updateContactAction,
} from "@/app/(portal)/vendors/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { describedBy, Field, Input } from "@/components/ui/field";
import { contactInputSchema, type ContactData, type ContactInput } from "@/lib/validation/vendor";

type Contact = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  jobTitle: string | null;
  isPrimary: boolean;
};
const FIELDS = ["name", "email", "phone", "jobTitle", "isPrimary"] as const;

function ContactForm({
  vendorId,
  contact,
  onDone,
}: {
  vendorId: string;
  contact?: Contact;
  onDone: () => void;
}) {
  const router = useRouter();
  const prefix = contact ? `contact-${contact.id}` : "new-contact";
  const { form, onSubmit, formError, err } = useActionForm<ContactInput, ContactData, unknown>({
    resolver: zodResolver(contactInputSchema),
    defaultValues: {
      name: contact?.name ?? "",
      email: contact?.email ?? "",
      phone: contact?.phone ?? "",
      jobTitle: contact?.jobTitle ?? "",
      isPrimary: contact?.isPrimary ?? false,
    },
    fields: FIELDS,
    submit: (values) =>
      contact ? updateContactAction(contact.id, values) : createContactAction(vendorId, values),
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  const {
    register,
    formState: { isSubmitting },
  } = form;
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
      aria-label={contact ? `Edit ${contact.name}` : "New contact"}
    >
      {formError.length ? <Alert>{formError.join(" ")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("name")} label="Name" required error={err("name")}>
          <Input
            id={id("name")}
            invalid={!!err("name")}
            aria-describedby={describedBy(id("name"), err("name"))}
            {...register("name")}
          />
        </Field>
        <Field id={id("email")} label="E-mail" required error={err("email")}>
          <Input
            id={id("email")}
            type="email"
            invalid={!!err("email")}
            aria-describedby={describedBy(id("email"), err("email"))}
            {...register("email")}
          />
        </Field>
        <Field id={id("jobTitle")} label="Job title" error={err("jobTitle")}>
          <Input id={id("jobTitle")} invalid={!!err("jobTitle")} {...register("jobTitle")} />
        </Field>
        <Field id={id("phone")} label="Phone" error={err("phone")}>
          <Input
            id={id("phone")}
            type="tel"
            invalid={!!err("phone")}
            aria-describedby={describedBy(id("phone"), err("phone"))}
            {...register("phone")}
          />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register("isPrimary")} />
        Primary contact (receives questionnaires by default)
      </label>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : contact ? "Save contact" : "Add contact"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function ContactsPanel({
  vendorId,
  contacts,
  canManage,
}: {
  vendorId: string;
  contacts: Contact[];
  canManage: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = (c: Contact) => {
    if (!window.confirm(`Remove ${c.name} from this vendor's contacts?`)) return;
    setError(null);
    startTransition(async () => {
      const result = await deleteContactAction(c.id);
      if (!result.ok) setError(result.message);
      else router.refresh();
    });
  };
  return (
    <Card
      title="Contacts"
      actions={
        canManage && editing !== "new" ? (
          <Button variant="secondary" onClick={() => setEditing("new")}>
            Add contact
          </Button>
        ) : null
      }
    >
      {error ? (
        <div className="mb-3">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {editing === "new" ? (
        <div className="mb-4">
          <ContactForm vendorId={vendorId} onDone={() => setEditing(null)} />
        </div>
      ) : null}
      {contacts.length === 0 && editing !== "new" ? (
        <p className="text-sm text-slate-600">
          No contacts yet.{" "}
          {canManage ? "Add the person who will answer security questionnaires for this vendor." : ""}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {contacts.map((c) => (
            <li key={c.id} className="py-3">
              {editing === c.id ? (
                <ContactForm vendorId={vendorId} contact={c} onDone={() => setEditing(null)} />
              ) : (
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <div className="text-sm">
                    <div className="font-medium">
                      {c.name} {c.isPrimary ? <Badge tone="blue">Primary</Badge> : null}
                    </div>
                    <div className="text-slate-600">
                      {c.email}
                      {c.jobTitle ? ` · ${c.jobTitle}` : ""}
                      {c.phone ? ` · ${c.phone}` : ""}
                    </div>
                  </div>
                  {canManage ? (
                    <div className="flex gap-2">
                      <Button variant="ghost" onClick={() => setEditing(c.id)} aria-label={`Edit ${c.name}`}>
                        Edit
                      </Button>
                      <Button
                        variant="ghost"
                        onClick={() => remove(c)}
                        disabled={pending}
                        aria-label={`Remove ${c.name}`}
                      >
                        Remove
                      </Button>
                    </div>
                  ) : null}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
