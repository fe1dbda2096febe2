/**
 * SAML single logout, both ways: the provider's signed LogoutRequest ends the Tend sessions it names
 * and is answered with a LogoutResponse; the provider's LogoutResponse to Tend's own request just
 * brings the browser back to the sign-in page (Tend's session already ended before it was sent).
 */
import type { Profile } from '@node-saml/node-saml';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { type SamlConnectionSettings, sessions } from '../../db/schema.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import type { SsoConnection } from './sso-connections.ts';
import { requestIdCache, samlFor } from './sso-saml.ts';

/** A logout message as it arrived: in the query (HTTP-Redirect) or in a posted form (HTTP-POST). */
export type SamlLogoutMessage =
  | { binding: 'redirect'; fields: Record<string, string>; originalQuery: string }
  | { binding: 'post'; fields: Record<string, string> };

/** Ends the sessions this provider started for the subject (only the named SessionIndex, if given). */
async function endLinkedSessions(db: Database, connection: SsoConnection, profile: Profile): Promise<number> {
  const link = sql`${sessions.ssoLink}`;
  const ended = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.organizationId, connection.organizationId),
        sql`${link} ->> 'connectionId' = ${connection.id}`,
        sql`${link} ->> 'subject' = ${profile.nameID}`,
        profile.sessionIndex ? sql`${link} ->> 'sessionIndex' = ${profile.sessionIndex}` : undefined,
      ),
    )
    .returning({ userId: sessions.userId });
  for (const userId of new Set(ended.map((row) => row.userId))) {
    await recordAuditEvent(db, {
      organizationId: connection.organizationId,
      actorUserId: userId,
      action: 'sso.logged-out',
      details: { subject: connection.displayName },
    });
  }
  return ended.length;
}

/**
 * Handles a logout message from the provider; returns where to send the browser. Throws AppError
 * SSO_REFUSED for a LogoutRequest that is unsigned, signed by another key or from another issuer.
 */
export async function handleSamlLogout(
  db: Database,
  connection: SsoConnection,
  config: Pick<Config, 'publicUrl'>,
  message: SamlLogoutMessage,
  now: () => Date,
): Promise<string> {
  const saml = samlFor(connection, config, requestIdCache(db, connection, now));
  const { fields } = message;
  if (!fields.SAMLRequest) {
    // The answer to Tend's own LogoutRequest: whatever it says, the Tend session is already gone.
    return '/sign-in';
  }
  let profile: Profile | null;
  try {
    if (message.binding === 'redirect') {
      // node-saml accepts a redirect message without a Signature parameter; anyone could forge that.
      if (!fields.Signature || !fields.SigAlg) throw new Error('unsigned logout request');
      ({ profile } = await saml.validateRedirectAsync(fields, message.originalQuery));
    } else {
      ({ profile } = await saml.validatePostRequestAsync(fields));
    }
  } catch {
    throw new AppError(
      'SSO_REFUSED',
      `A sign-out request claiming to come from ${connection.displayName} could not be verified; nobody was signed out.`,
    );
  }
  if (!profile?.nameID) return '/sign-in';
  await endLinkedSessions(db, connection, profile);
  if (!(connection.settings as SamlConnectionSettings).logoutUrl) return '/sign-in';
  return saml.getLogoutResponseUrlAsync(profile, fields.RelayState ?? '', {}, true);
}
