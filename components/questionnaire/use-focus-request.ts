"use client";

import { useEffect, useRef, useState } from "react";

import { inputDomId, questionDomId } from "./answer-format";
import { cellOf } from "./draft-answers";

export type FocusRequest =
  { target: "section" } | { target: "issue"; questionId: string; path: string } | { target: "issues" };

/** Where focus goes next (the section heading, the issue list or one question), applied after render. */
export function useFocusRequest() {
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const issuesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.target === "section") {
      headingRef.current?.focus({ preventScroll: true });
      headingRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    } else if (focusRequest.target === "issues") {
      issuesRef.current?.focus({ preventScroll: true });
      issuesRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    } else {
      focusQuestion(focusRequest.questionId, focusRequest.path);
    }
  }, [focusRequest]);
  return { headingRef, issuesRef, setFocusRequest };
}

/** Moves focus to the control an issue is about (a group cell when the path names one). */
function focusQuestion(questionId: string, path: string) {
  const container = document.getElementById(questionDomId(questionId));
  if (!container) return;
  const cell = cellOf({ path });
  const target =
    (cell ? document.getElementById(inputDomId(questionId, cell.row, cell.field)) : null) ??
    container.querySelector<HTMLElement>(
      "input:not([disabled]):not([type=hidden]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])",
    );
  container.scrollIntoView({ block: "center", behavior: "smooth" });
  target?.focus({ preventScroll: true });
}
