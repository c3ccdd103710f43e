"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";

import { importTemplateAction } from "@/app/(portal)/templates/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { LIMITS } from "@/lib/questionnaire";
import { formatBytes } from "@/lib/questionnaire/limits";

/** Upload a template JSON file; every validation error is listed with its path. */
export function ImportTemplateForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setErrors([]);
    setDone(null);
    const file = input.current?.files?.[0];
    if (!file) return setErrors(["Choose a template JSON file to import."]);
    if (file.size > LIMITS.templateJsonBytes)
      return setErrors([
        `The file is ${formatBytes(file.size)}; a template file may be at most ${formatBytes(LIMITS.templateJsonBytes)}.`,
      ]);
    startTransition(async () => {
      const result = await importTemplateAction(file).catch(() => null);
      if (!result) return setErrors(["The file could not be sent. Check your connection and try again."]);
      if (!result.ok) {
        setErrors(result.fieldErrors?.file ?? [result.message]);
        return;
      }
      setDone(
        result.data.created
          ? `Imported ${result.data.key} v${result.data.version}.`
          : `${result.data.key} v${result.data.version} is already here with the same content.`,
      );
      if (input.current) input.current.value = "";
      router.refresh();
    });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Import a template">
      <p className="text-sm text-slate-600">
        A JSON file in the questionnaire format (docs/questionnaire-format.md). Export an existing one to
        start from.
      </p>
      <label htmlFor="template-file" className="block text-sm font-medium">
        Template file
      </label>
      <input
        id="template-file"
        ref={input}
        type="file"
        accept="application/json,.json"
        className="block w-full text-sm"
      />
      {errors.length ? (
        <Alert>
          <p className="font-medium">
            {errors.length === 1 ? errors[0] : `The template has ${errors.length} errors:`}
          </p>
          {errors.length > 1 ? (
            <ul className="mt-2 max-h-64 list-disc space-y-1 overflow-auto pl-5 font-mono text-xs">
              {errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Import"}
      </Button>
    </form>
  );
}
