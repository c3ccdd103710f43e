"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";

import { acceptInvitationAction, acceptInvitationAsUserAction } from "@/app/invite/[token]/actions";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { describedBy, Field, Input } from "@/components/ui/field";
import { acceptInvitationSchema, type AcceptInvitationInput } from "@/lib/validation/assessment";

const FIELDS = ["name", "password", "confirm"] as const;

/** First visit from an invitation: choose a password, then straight into the questionnaire. */
export function AcceptInvitationForm({
  token,
  email,
  defaultName,
}: {
  token: string;
  email: string;
  defaultName: string;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<AcceptInvitationInput>({
    resolver: zodResolver(acceptInvitationSchema),
    defaultValues: { name: defaultName, password: "", confirm: "" },
    mode: "onTouched",
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await acceptInvitationAction(token, values);
    if (!result.ok) {
      const unplaced = applyFieldErrors(setError, result.fieldErrors, FIELDS);
      setFormError(
        result.code === "VALIDATION" && unplaced.length === 0
          ? null
          : [result.message, ...unplaced].join(" "),
      );
      return;
    }
    const signedIn = await signIn("credentials", {
      email: result.data.email,
      password: values.password,
      redirect: false,
    });
    window.location.assign(signedIn?.ok ? `/supplier/assessments/${result.data.assessmentId}` : "/sign-in");
  });
  const err = (f: (typeof FIELDS)[number]) => errors[f]?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Create your account">
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="text-sm">
        <span className="text-slate-500">E-mail</span>
        <div className="font-medium">{email}</div>
      </div>
      <Field id="name" label="Your name" required error={err("name")}>
        <Input
          id="name"
          autoComplete="name"
          invalid={!!err("name")}
          aria-describedby={describedBy("name", err("name"))}
          {...register("name")}
        />
      </Field>
      <Field
        id="password"
        label="Choose a password"
        required
        error={err("password")}
        hint="At least 12 characters."
      >
        <Input
          id="password"
          type="password"
          autoComplete="new-password"
          invalid={!!err("password")}
          aria-describedby={describedBy("password", err("password"), "x")}
          {...register("password")}
        />
      </Field>
      <Field id="confirm" label="Repeat the password" required error={err("confirm")}>
        <Input
          id="confirm"
          type="password"
          autoComplete="new-password"
          invalid={!!err("confirm")}
          aria-describedby={describedBy("confirm", err("confirm"))}
          {...register("confirm")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Setting up…" : "Create account and open the questionnaire"}
      </Button>
    </form>
  );
}

export function ContinueAsUserButton({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Button
        className="w-full"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await acceptInvitationAsUserAction(token);
            if (result.ok) router.push(`/supplier/assessments/${result.data.assessmentId}`);
            else setError(result.message);
          })
        }
      >
        {pending ? "Opening…" : "Open the questionnaire"}
      </Button>
    </div>
  );
}
