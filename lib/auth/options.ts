import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { authenticateUser } from "@/lib/domain/auth/authenticate-user";
import { AppError, toActionFailure } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : null);
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await authenticateUser(getDb(), {
            email: credentials?.email,
            password: credentials?.password,
            ip: clientIp(req?.headers as Record<string, unknown> | undefined),
          });
          return { id: user.userId, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId, vendorId: user.vendorId };
        } catch (error) {
          // next-auth passes an Error's message to the sign-in form; only our own messages qualify.
          if (error instanceof AppError) throw new Error(error.message);
          throw new Error(toActionFailure(error).message);
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: Role; organizationId: string; vendorId: string | null };
        token.uid = u.id;
        token.role = u.role;
        token.organizationId = u.organizationId;
        token.vendorId = u.vendorId;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.uid as string,
        role: token.role as Role,
        organizationId: token.organizationId as string,
        vendorId: (token.vendorId as string | null) ?? null,
      };
      return session;
    },
  },
};
