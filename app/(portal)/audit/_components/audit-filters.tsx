import Link from "next/link";

import { buttonClass } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { describeAuditAction, describeEntityType } from "@/lib/domain/audit/describe-audit-action";
import type { FieldErrors } from "@/lib/errors";
import type { AuditFilter } from "@/lib/validation/audit";

/** What the menus offer (the values that occur in the log). */
export interface AuditFilterOptions {
  actions: string[];
  entityTypes: string[];
  actors: { id: string; name: string; email: string }[];
}

/** Keeps a chosen value in its menu even if the log no longer has it (e.g. a shared link). */
const withChosen = (values: string[], chosen: string | undefined) =>
  chosen && !values.includes(chosen) ? [...values, chosen] : values;

/** The audit log's filter bar: a plain GET form, so a filtered view is a link that can be shared. */
export function AuditFilters({
  values,
  errors = {},
  options,
}: {
  values: Partial<Record<keyof AuditFilter, string>>;
  errors?: FieldErrors;
  options: AuditFilterOptions;
}) {
  const error = (key: keyof AuditFilter) => errors[key]?.[0];
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter the audit log"
      className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-[1.3fr_1.2fr_1fr_0.8fr_0.8fr_auto]"
    >
      <Field id="action" label="Action" error={error("action")}>
        <Select
          id="action"
          name="action"
          defaultValue={values.action ?? ""}
          invalid={Boolean(error("action"))}
          aria-describedby={describedBy("action", error("action"))}
        >
          <option value="">All actions</option>
          {withChosen(options.actions, values.action).map((a) => (
            <option key={a} value={a}>
              {describeAuditAction(a)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="actor" label="Person" error={error("actor")}>
        <Select
          id="actor"
          name="actor"
          defaultValue={values.actor ?? ""}
          invalid={Boolean(error("actor"))}
          aria-describedby={describedBy("actor", error("actor"))}
        >
          <option value="">Everyone</option>
          {options.actors.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </Select>
      </Field>
      <Field id="entity" label="Record" error={error("entity")}>
        <Select
          id="entity"
          name="entity"
          defaultValue={values.entity ?? ""}
          invalid={Boolean(error("entity"))}
          aria-describedby={describedBy("entity", error("entity"))}
        >
          <option value="">All records</option>
          {withChosen(options.entityTypes, values.entity).map((t) => (
            <option key={t} value={t}>
              {describeEntityType(t)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="from" label="From (UTC)" error={error("from")}>
        <Input
          id="from"
          name="from"
          type="date"
          defaultValue={values.from ?? ""}
          invalid={Boolean(error("from"))}
          aria-describedby={describedBy("from", error("from"))}
        />
      </Field>
      <Field id="to" label="To (UTC)" error={error("to")}>
        <Input
          id="to"
          name="to"
          type="date"
          defaultValue={values.to ?? ""}
          invalid={Boolean(error("to"))}
          aria-describedby={describedBy("to", error("to"))}
        />
      </Field>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        <Link href="/audit" className={buttonClass("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
