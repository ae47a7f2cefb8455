// Zalo access tokens live ~25 h; the refresh token that renews them is
// single-use. So a refresh runs under a row lock: read the current refresh
// token, exchange it, store the rotated pair and commit, and only then use the
// new access token. Whoever waited on the lock finds a fresh access token and
// uses it instead of spending the (now stale) refresh token again.
import type { Database } from '@dondoc/db';
import type { Kysely } from 'kysely';

import { DeliveryError } from '../channel';

export interface ZaloOAuthSettings {
  readonly oauthBaseUrl: string;
  readonly appId: string;
  readonly secretKey: string;
  /** Seeds the table the first time; later rotations live only in the database. */
  readonly initialRefreshToken?: string | undefined;
}

interface OAuthReply {
  access_token?: string;
  refresh_token?: string;
  expires_in?: string | number;
  error?: number;
  error_name?: string;
  error_description?: string;
}

/** Refresh this long before Zalo's expiry so a send never races it. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export class ZaloTokenStore {
  private cached: { token: string; expiresAt: number } | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: ZaloOAuthSettings,
    private readonly now: () => number = Date.now,
  ) {}

  async accessToken(): Promise<string> {
    if (this.cached && this.cached.expiresAt - EXPIRY_MARGIN_MS > this.now()) return this.cached.token;
    return this.refresh(null);
  }

  /** Renews the access token; `rejected` is the one Zalo just refused (-124), if any. */
  refresh(rejected: string | null): Promise<string> {
    // One refresh at a time per process; other processes queue on the row lock.
    this.inflight ??= this.refreshUnderLock(rejected).finally(() => (this.inflight = null));
    return this.inflight;
  }

  private async refreshUnderLock(rejected: string | null): Promise<string> {
    const { appId, initialRefreshToken } = this.settings;
    const fresh = await this.db.transaction().execute(async (trx) => {
      if (initialRefreshToken) {
        await trx.insertInto('zalo_tokens').values({ app_id: appId, refresh_token: initialRefreshToken, rotated_at: new Date() }).onConflict((oc) => oc.column('app_id').doNothing()).execute();
      }
      const row = await trx.selectFrom('zalo_tokens').selectAll().where('app_id', '=', appId).forUpdate().executeTakeFirst();
      if (!row) throw new DeliveryError('fail', 'chưa có refresh token Zalo (đặt ZALO_REFRESH_TOKEN)', 'no-refresh-token');
      const expiresAt = row.access_expires_at?.getTime() ?? 0;
      if (row.access_token && row.access_token !== rejected && expiresAt - EXPIRY_MARGIN_MS > this.now()) {
        return { token: row.access_token, expiresAt };
      }
      const reply = await this.exchange(row.refresh_token);
      const next = { token: reply.access_token, expiresAt: this.now() + reply.expiresInSeconds * 1000 };
      await trx
        .updateTable('zalo_tokens')
        .set({ refresh_token: reply.refresh_token, access_token: next.token, access_expires_at: new Date(next.expiresAt), rotated_at: new Date(this.now()) })
        .where('app_id', '=', appId)
        .execute();
      return next;
    });
    this.cached = fresh;
    return fresh.token;
  }

  private async exchange(refreshToken: string): Promise<{ access_token: string; refresh_token: string; expiresInSeconds: number }> {
    const body = new URLSearchParams({ refresh_token: refreshToken, app_id: this.settings.appId, grant_type: 'refresh_token' });
    let reply: OAuthReply;
    try {
      const response = await fetch(`${this.settings.oauthBaseUrl.replace(/\/$/, '')}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: this.settings.secretKey },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      reply = (await response.json()) as OAuthReply;
    } catch (error) {
      throw new DeliveryError('retry', `không gọi được máy chủ OAuth của Zalo: ${(error as Error).message}`, 'oauth-unreachable', { cause: error });
    }
    if (!reply.access_token || !reply.refresh_token) {
      const why = reply.error_description ?? reply.error_name ?? JSON.stringify(reply);
      // A refused refresh token never becomes valid again: an operator must issue a new one.
      throw new DeliveryError('fail', `Zalo từ chối làm mới access token (${reply.error ?? '?'}): ${why}`, String(reply.error ?? 'oauth'));
    }
    return { access_token: reply.access_token, refresh_token: reply.refresh_token, expiresInSeconds: Number(reply.expires_in ?? 90_000) };
  }
}
