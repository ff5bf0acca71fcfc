import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { clientAddress } from "@/lib/limits/client-address";
import { authenticate, authenticateCode } from "./authenticate";
import { openSession, revokeSession, SESSION_HOURS } from "./sessions";

/** Why a sign-in failed, carried in the error's code (never which of name or password was wrong). */
export class SignInRefused extends CredentialsSignin {
  constructor(
    readonly message: string,
    reason: "invalid" | "limited" | "expired" | "second-factor",
    /** With "second-factor": the signed note the code step needs (set as an httpOnly cookie by the sign-in action). */
    readonly pendingToken?: string,
  ) {
    super(message);
    this.code = reason;
  }
}

declare module "next-auth" {
  interface Session {
    actorId?: number;
    sessionVersion?: number;
    sessionId?: string;
  }
}

// Sessions are signed JWT cookies (HttpOnly, SameSite=Lax; Secure with the __Secure- prefix
// whenever the site is reached over HTTPS). They carry only the user's id, session version
// and session id: every request re-reads the session and the user (lib/auth/sessions.ts), so
// signing out, disabling a user or changing their role ends their sessions at once.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Refused sign-ins are logged by lib/auth/authenticate.ts in one line; keep Auth.js from
  // printing a stack trace for each of them, or for every forged cookie.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      // A cookie that is not one of ours, or a form without its CSRF token: the client's doing.
      if (["JWTSessionError", "MissingCSRF"].includes((error as { type?: string }).type ?? "")) return;
      console.error(error);
    },
  },
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: "/dang-nhap" },
  providers: [
    Credentials({
      // A password (with its code, for an account with a second factor, when a script signs in
      // in one request), or the code step: the pending token of a right password and a code.
      credentials: { username: {}, password: {}, code: {}, pending: {} },
      async authorize(credentials, request) {
        const text = (name: "username" | "password" | "code" | "pending", max: number) => {
          const value = credentials[name];
          return typeof value === "string" ? value.slice(0, max) : "";
        };
        // The peer, or the client a trusted proxy names (lib/http/front-door.ts).
        const address = clientAddress(request.headers);
        const result = text("pending", 500)
          ? await authenticateCode(db(), { pending: text("pending", 500), code: text("code", 50), address })
          : await authenticate(db(), {
              username: text("username", 100),
              password: text("password", 500),
              code: text("code", 50) || undefined,
              address,
            });
        if (!result.ok)
          throw new SignInRefused(
            result.message,
            result.reason,
            "pendingToken" in result ? result.pendingToken : undefined,
          );
        return {
          id: String(result.user.id),
          name: result.user.displayName,
          sessionVersion: result.user.sessionVersion,
          sessionId: await openSession(db(), result.user.id),
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.actorId = typeof token.uid === "number" ? token.uid : undefined;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : undefined;
      session.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(db(), sid);
    },
  },
});
