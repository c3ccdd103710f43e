import "server-only";

import { notFound } from "next/navigation";

import { AppError } from "@/lib/errors";

/** For pages: a use case's NOT_FOUND becomes the 404 page; any other failure is thrown on. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
