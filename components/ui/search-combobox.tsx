"use client";

import { Combobox, ComboboxButton, ComboboxInput, ComboboxOption, ComboboxOptions } from "@headlessui/react";
import { useEffect, useState, type ComponentProps, type Ref } from "react";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";

import { searchUrl, type SearchOption, type SearchResponse, type SearchType } from "@/lib/validation/search";

import { controlClass } from "./field";

const DEBOUNCE_MS = 150;
const FAILED = "Search failed. Check your connection and try again.";

type Fetched = { url: string; items: SearchOption[]; error: string | null };

/**
 * Matches from GET /api/search for `url`, fetched `DEBOUNCE_MS` after the last change, the previous
 * request aborted. `loading` is derived (the last answer is for another URL), so nothing flickers
 * between keystrokes that land inside the debounce window. Never throws: failures become `error`.
 */
function useSearch(url: string, enabled: boolean) {
  const [fetched, setFetched] = useState<Fetched | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(url, {
          signal: controller.signal,
          headers: { Accept: "application/json" },
        });
        const body = (await response.json().catch(() => null)) as
          (SearchResponse & { message?: string }) | null;
        if (!response.ok || !body || !Array.isArray(body.items)) {
          setFetched({ url, items: [], error: body?.message ?? FAILED });
          return;
        }
        setFetched({ url, items: body.items, error: null });
      } catch {
        if (!controller.signal.aborted) setFetched({ url, items: [], error: FAILED });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, enabled]);
  const current = fetched?.url === url ? fetched : null;
  return { loading: enabled && !current, items: current?.items ?? [], error: current?.error ?? null };
}

/**
 * Headless UI sets the input's aria-describedby from its own <Description>s only (undefined here),
 * which would drop the Field's error or hint; this input takes ours from `data-describedby` instead.
 */
function DescribedInput({
  "data-describedby": describedBy,
  ...props
}: ComponentProps<"input"> & { "data-describedby"?: string }) {
  return <input {...props} aria-describedby={describedBy} />;
}

/** Props of SearchCombobox. */
export interface SearchComboboxProps {
  /** The input's id, which the Field's label points at. */
  id: string;
  /** What to search (see lib/validation/search.ts). */
  type: SearchType;
  value: SearchOption | null;
  onChange: (option: SearchOption | null) => void;
  onBlur?: () => void;
  invalid?: boolean;
  "aria-describedby"?: string;
  placeholder?: string;
  /** Ids (graph keys for targets) not to offer, e.g. what is already chosen. */
  exclude?: readonly string[];
  /** Assets only: leave out the assets this vendor is already deployed on. */
  undeployedFor?: string;
  limit?: number;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
}

/**
 * Search-as-you-type picker (Headless UI combobox: arrows, Enter, Escape, ARIA): suggestions on
 * focus, a few server-side matches per keystroke, "Searching…", "No matches" and failures shown in
 * the list. The chosen option is the value; forms store its id (see SearchComboboxController).
 */
export function SearchCombobox({
  id,
  type,
  value,
  onChange,
  onBlur,
  invalid = false,
  placeholder = "Type to search…",
  exclude,
  undeployedFor,
  limit,
  inputRef,
  disabled,
  ...aria
}: SearchComboboxProps) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(false);
  const url = searchUrl({ type, q: query.trim(), limit, exclude, undeployedFor });
  const { loading, items, error } = useSearch(url, active);
  const trimmed = query.trim();

  return (
    <Combobox
      value={value}
      onChange={onChange}
      by="id"
      immediate
      disabled={disabled}
      onClose={() => setQuery("")}
    >
      <div className="relative">
        <ComboboxInput
          as={DescribedInput}
          id={id}
          ref={inputRef}
          className={`${controlClass(invalid)} pr-9`}
          aria-invalid={invalid || undefined}
          data-describedby={aria["aria-describedby"]}
          placeholder={placeholder}
          autoComplete="off"
          displayValue={(option: SearchOption | null) => option?.label ?? ""}
          onChange={(e) => setQuery(e.target.value)}
          onFocus={() => setActive(true)}
          onBlur={onBlur}
        />
        <ComboboxButton
          className="absolute inset-y-0 right-0 flex items-center px-2.5 text-slate-400 hover:text-slate-600"
          aria-label="Show suggestions"
        >
          <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="h-4 w-4">
            <path
              fillRule="evenodd"
              d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
              clipRule="evenodd"
            />
          </svg>
        </ComboboxButton>
      </div>
      <ComboboxOptions
        anchor="bottom start"
        className="z-50 max-h-72 w-(--input-width) min-w-64 overflow-y-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200 [--anchor-gap:4px] empty:invisible"
      >
        {loading ? (
          <div role="status" className="px-3 py-2 text-slate-500">
            Searching…
          </div>
        ) : error ? (
          <div role="alert" className="px-3 py-2 text-red-700">
            {error}
          </div>
        ) : items.length === 0 ? (
          <div role="status" className="px-3 py-2 text-slate-500">
            {trimmed ? `No matches for “${trimmed}”.` : "Nothing to choose from."}
          </div>
        ) : (
          items.map((option) => (
            <ComboboxOption
              key={option.id}
              value={option}
              className="group cursor-pointer px-3 py-2 data-focus:bg-brand-50 data-selected:font-medium"
            >
              <div className="truncate text-slate-900 group-data-focus:text-brand-900">{option.label}</div>
              {option.detail ? <div className="truncate text-xs text-slate-500">{option.detail}</div> : null}
            </ComboboxOption>
          ))
        )}
      </ComboboxOptions>
    </Combobox>
  );
}

/** Props of SearchComboboxController: SearchCombobox's, minus the value, plus the form field. */
export type SearchComboboxControllerProps<T extends FieldValues> = Omit<
  SearchComboboxProps,
  "value" | "onChange" | "onBlur" | "inputRef"
> & {
  control: Control<T>;
  name: FieldPath<T>;
  /** The option the field's default value stands for (its label is not in the form). */
  initialOption?: SearchOption | null;
  onSelect?: (option: SearchOption | null) => void;
};

/** A SearchCombobox bound to a react-hook-form field that stores the chosen option's id ("" when none). */
export function SearchComboboxController<T extends FieldValues>({
  control,
  name,
  initialOption = null,
  onSelect,
  ...props
}: SearchComboboxControllerProps<T>) {
  const { field } = useController({ control, name });
  const [chosen, setChosen] = useState<SearchOption | null>(initialOption);
  // A reset of the form (field back to "") clears the shown choice too.
  const value = chosen && chosen.id === field.value ? chosen : null;
  return (
    <SearchCombobox
      {...props}
      value={value}
      inputRef={field.ref}
      onBlur={field.onBlur}
      onChange={(option) => {
        setChosen(option);
        field.onChange(option?.id ?? "");
        onSelect?.(option);
      }}
    />
  );
}
