"use client";

import { useState } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";

import type { ActionResult } from "@/lib/errors";

import { applyFieldErrors } from "./apply-field-errors";

type Failure = Extract<ActionResult<never>, { ok: false }>;

export interface ActionFormOptions<TInput extends FieldValues, TData, TResult> {
  resolver: Resolver<TInput, unknown, TData>;
  defaultValues: DefaultValues<TInput>;
  /** The form's fields: server messages for these go next to the input, others into the banner. */
  fields: readonly (keyof TInput & string)[];
  /** The server action. */
  submit: (values: TData) => Promise<ActionResult<TResult>>;
  onSuccess: (data: TResult) => void;
  /** When the failure's own message would repeat its field messages (default: VALIDATION, CONFLICT). */
  toldByFields?: (failure: Failure) => boolean;
}

export interface ActionForm<TInput extends FieldValues, TData> {
  form: UseFormReturn<TInput, unknown, TData>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  /** Messages for the banner above the form (none: no banner). */
  formError: string[];
  /** The message shown at one field, if any. */
  err: (field: keyof TInput & string) => string | undefined;
}

const defaultToldByFields = (failure: Failure) =>
  failure.code === "VALIDATION" || failure.code === "CONFLICT";

/**
 * The submit flow every record form shares: validate on the client (zod through react-hook-form),
 * call the server action, and on failure put the server's field messages next to their inputs and
 * the rest (plus the failure's message unless the fields already tell it) in a banner.
 */
export function useActionForm<TInput extends FieldValues, TData, TResult>(
  options: ActionFormOptions<TInput, TData, TResult>,
): ActionForm<TInput, TData> {
  const { resolver, defaultValues, fields, submit, onSuccess, toldByFields = defaultToldByFields } = options;
  const [formError, setFormError] = useState<string[]>([]);
  const form = useForm<TInput, unknown, TData>({ resolver, defaultValues, mode: "onTouched" });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError([]);
    const result = await submit(values);
    if (result.ok) {
      onSuccess(result.data);
      return;
    }
    const unplaced = applyFieldErrors(form.setError, result.fieldErrors, fields);
    setFormError(toldByFields(result) ? unplaced : [result.message, ...unplaced]);
  });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  return { form, onSubmit, formError, err: (field) => errors[field]?.message };
}
