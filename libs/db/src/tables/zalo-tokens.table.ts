// Zalo OAuth tokens per app. The refresh token is single-use: the row is
// updated (under a row lock) before the new access token is used.
export interface ZaloTokensTable {
  app_id: string;
  refresh_token: string;
  access_token: string | null;
  access_expires_at: Date | null;
  rotated_at: Date;
}
