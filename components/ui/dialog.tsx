"use client";

import { Description, Dialog, DialogBackdrop, DialogPanel, DialogTitle } from "@headlessui/react";
import type { ReactNode } from "react";

/**
 * A modal dialog (Headless UI): focus moves into it and stays there, Escape and the backdrop close
 * it, focus returns to the button that opened it, and screen readers hear its title and description.
 * Use it wherever a native confirm() would do.
 */
export function Modal({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = "md",
}: {
  open: boolean;
  /** Called on Escape, a click outside and the close button; ignore it while something is pending. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** The dialog's buttons, right-aligned under the body (stacked on a phone). */
  footer?: ReactNode;
  size?: "md" | "lg";
}) {
  return (
    <Dialog open={open} onClose={onClose} className="relative z-50">
      <DialogBackdrop className="fixed inset-0 bg-slate-900/40" />
      <div className="fixed inset-0 overflow-y-auto">
        <div className="flex min-h-full items-end justify-center p-0 sm:items-center sm:p-6">
          <DialogPanel
            className={`w-full ${size === "lg" ? "sm:max-w-3xl" : "sm:max-w-lg"} rounded-t-xl bg-white shadow-xl ring-1 ring-slate-200 sm:rounded-xl`}
          >
            <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
              <div className="min-w-0">
                <DialogTitle className="text-lg font-semibold text-slate-900">{title}</DialogTitle>
                {description ? (
                  <Description className="mt-1 text-sm text-slate-600">{description}</Description>
                ) : null}
              </div>
              <button
                type="button"
                onClick={onClose}
                className="-m-1 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none"
              >
                <span aria-hidden="true" className="block text-xl leading-none">
                  ×
                </span>
                <span className="sr-only">Close</span>
              </button>
            </div>
            {children ? <div className="max-h-[70vh] overflow-y-auto px-5 py-4">{children}</div> : null}
            {footer ? (
              <div className="flex flex-col-reverse gap-2 border-t border-slate-200 px-5 py-3 sm:flex-row sm:justify-end">
                {footer}
              </div>
            ) : null}
          </DialogPanel>
        </div>
      </div>
    </Dialog>
  );
}

/** A spinner with words, announced politely: for work that takes a moment. */
export function Progress({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-6 text-sm text-slate-700">
      <span
        aria-hidden="true"
        className="inline-block size-5 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600"
      />
      {children}
    </div>
  );
}
