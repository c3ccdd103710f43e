import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { clientAddress, compileTrustedProxies, type TrustProxy } from "@/lib/auth/client-address";
import { PEER_HEADER, peerAddressFrom } from "@/lib/auth/peer-address";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { getDb } from "@/lib/db/client";
import { authenticateUser } from "@/lib/domain/auth/authenticate-user";
import { endSession } from "@/lib/domain/auth/session-user";
import { getEnv } from "@/lib/env";
import { AppError, toActionFailure } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

let trust: TrustProxy | undefined;
let warnedUnknownPeer = false;

/** The address sign-in throttling keys on: see client-address.ts and peer-address.ts. */
function requestClientAddress(headers: Record<string, unknown> | undefined): string | null {
  const peer = peerAddressFrom(headers?.[PEER_HEADER]);
  if (!peer && !warnedUnknownPeer) {
    warnedUnknownPeer = true;
    console.warn(
      "[trustmap] sign-in without a stamped peer address: throttling keys on the account only (is instrumentation.ts running?)",
    );
  }
  trust ??= compileTrustedProxies(getEnv().TRUSTED_PROXIES);
  return clientAddress(peer, headers?.["x-forwarded-for"], trust);
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: {
        email: { label: "E-mail", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        try {
          const user = await authenticateUser(getDb(), {
            email: credentials?.email,
            password: credentials?.password,
            ip: requestClientAddress(req?.headers as Record<string, unknown> | undefined),
          });
          return {
            id: user.userId,
            email: user.email,
            name: user.name,
            role: user.role,
            organizationId: user.organizationId,
            vendorId: user.vendorId,
            sessionVersion: user.sessionVersion,
          };
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
        const u = user as unknown as {
          id: string;
          role: Role;
          organizationId: string;
          vendorId: string | null;
          sessionVersion: number;
        };
        token.uid = u.id;
        token.role = u.role;
        token.organizationId = u.organizationId;
        token.vendorId = u.vendorId;
        token.sv = u.sessionVersion;
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
        sessionVersion: token.sv as number,
      };
      return session;
    },
    // Sign-in and sign-out callback URLs stay on the portal (the default accepts "/\evil.example").
    async redirect({ url, baseUrl }) {
      return new URL(safeCallbackUrl(url, baseUrl), baseUrl).href;
    },
  },
  events: {
    // The cookie is deleted by next-auth; this makes the token in it worthless too.
    async signOut({ token }) {
      if (token)
        await endSession(getDb(), { uid: token.uid, organizationId: token.organizationId, sv: token.sv });
    },
  },
};
