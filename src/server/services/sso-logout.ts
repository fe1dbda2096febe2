import type { Database } from '../../db/connect.ts';
import type { SsoSessionLink } from '../../db/schema.ts';
import type { Config } from '../config.ts';
import { findSsoConnection } from './sso-connections.ts';
import { oidcLogoutUrl } from './sso-oidc.ts';
import { samlLogoutUrl } from './sso-saml.ts';

/**
 * Where the browser goes after signing out of Tend so the identity provider ends its own session
 * too (single logout), or null when the sign-in was by password or the provider offers no logout.
 * A provider that cannot be reached must not stop anyone signing out of Tend, so failures give null.
 */
export async function providerLogoutUrl(
  db: Database,
  config: Config,
  link: SsoSessionLink | null,
): Promise<string | null> {
  if (!link) return null;
  const connection = await findSsoConnection(db, { id: link.connectionId });
  if (!connection) return null;
  try {
    return await logoutUrlFor[connection.protocol](db, connection, link, config);
  } catch {
    return null;
  }
}

type LogoutUrlBuilder = (
  db: Database,
  connection: NonNullable<Awaited<ReturnType<typeof findSsoConnection>>>,
  link: SsoSessionLink,
  config: Config,
) => Promise<string | null>;

const logoutUrlFor: Record<'oidc' | 'saml', LogoutUrlBuilder> = {
  oidc: (_db, connection, link, config) => oidcLogoutUrl(connection, link, config),
  saml: (db, connection, link, config) => samlLogoutUrl(db, connection, link, config),
};
