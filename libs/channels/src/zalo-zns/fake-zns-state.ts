// The behaviour of the fake ZNS server, apart from HTTP: template registry,
// phone checks, forced and random failures, quota, and stateless signed
// tokens (so a fake restarted by `npm start` still accepts the refresh token
// the notifier stored in the database; only its single use is remembered).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

import { type ZnsTemplate, znsParametersOf } from './zns-templates';

export interface FakeZnsMessage {
  readonly at: string;
  readonly phone: string;
  readonly templateId: string;
  readonly trackingId: string | null;
  readonly data: Record<string, unknown>;
  /** 0 when accepted, else the ZNS error code returned. */
  readonly error: number;
  readonly msgId: string | null;
}

export interface FakeZnsBehaviour {
  /** Chance (0–1) that an otherwise valid send answers -100. @defaultValue 0 */
  failureRate?: number;
  /** Phone (84…) → error code answered for every send to it, e.g. -118. */
  forcedErrors?: Record<string, number>;
  /** Successful sends per day before -144. @defaultValue 10000 */
  dailyQuota?: number;
  /**
   * How long a send's answer is held after its webhook call went out: Zalo may deliver, and
   * call the webhook, before its answer reaches the sender. @defaultValue 0
   */
  replyDelayMs?: number;
}

export interface FakeZnsIdentity {
  appId: string;
  secretKey: string;
  oaSecretKey: string;
  templateIds: Readonly<Record<ZnsTemplate, string>>;
  accessTokenTtlSeconds: number;
  random: () => number;
}

export type ZnsAnswer = { error: number; message: string; data?: Record<string, unknown> };

export class FakeZnsState {
  readonly log: FakeZnsMessage[] = [];
  private readonly usedRefreshTokens = new Set<string>();
  /** Approved template id → the template it is. */
  private readonly knownTemplates: ReadonlyMap<string, ZnsTemplate>;
  private notBefore = 0;
  private transient = new Map<string, { code: number; left: number }>();
  private sentToday = { day: '', count: 0 };

  constructor(
    readonly identity: FakeZnsIdentity,
    readonly behaviour: Required<FakeZnsBehaviour>,
  ) {
    this.knownTemplates = new Map(Object.entries(identity.templateIds).map(([template, id]) => [id, template as ZnsTemplate]));
  }

  /** A refresh token the fake will accept once: what an operator pastes into ZALO_REFRESH_TOKEN. */
  issueRefreshToken(): string {
    return this.sign('rt', Date.now() + 90 * 86_400_000);
  }

  /** POST /v4/oa/access_token */
  exchange(form: URLSearchParams, secretKey: string | undefined): Record<string, unknown> {
    if (secretKey !== this.identity.secretKey || form.get('app_id') !== this.identity.appId) return { error: -14002, error_name: 'Invalid app or secret key' };
    const refresh = form.get('refresh_token') ?? '';
    if (form.get('grant_type') !== 'refresh_token' || !this.verify('rt', refresh) || this.usedRefreshTokens.has(refresh)) {
      return { error: -14014, error_name: 'Invalid refresh token', error_description: 'refresh token is invalid or already used' };
    }
    this.usedRefreshTokens.add(refresh);
    return {
      access_token: this.sign('at', Date.now() + this.identity.accessTokenTtlSeconds * 1000),
      refresh_token: this.issueRefreshToken(),
      expires_in: String(this.identity.accessTokenTtlSeconds),
    };
  }

  /** Every access token issued so far stops working (as after Zalo revokes them). */
  expireAccessTokens(): void {
    this.notBefore = Date.now() + 1;
  }

  /** The next `times` sends to `phone` answer `code` (then normal behaviour resumes). */
  failNext(phone: string, code: number, times = 1): void {
    this.transient.set(phone, { code, left: times });
  }

  /** POST /message/template */
  send(accessToken: string | undefined, body: Record<string, unknown>): ZnsAnswer {
    const phone = typeof body.phone === 'string' ? body.phone : '';
    const templateId = String(body.template_id ?? '');
    const data = typeof body.template_data === 'object' && body.template_data !== null ? (body.template_data as Record<string, unknown>) : null;
    const answer = this.judge(accessToken, phone, templateId, data);
    const msgId = answer.error === 0 ? randomUUID().replace(/-/g, '') : null;
    this.log.push({ at: new Date().toISOString(), phone, templateId, trackingId: typeof body.tracking_id === 'string' ? body.tracking_id : null, data: data ?? {}, error: answer.error, msgId });
    if (answer.error !== 0) return answer;
    this.sentToday.count += 1;
    return { error: 0, message: 'Success', data: { msg_id: msgId, sent_time: String(Date.now()), quota: this.quota() } };
  }

  quota() {
    this.rollDay();
    return { dailyQuota: String(this.behaviour.dailyQuota), remainingQuota: String(Math.max(0, this.behaviour.dailyQuota - this.sentToday.count)) };
  }

  accessTokenValid(token: string | undefined): boolean {
    return token !== undefined && this.verify('at', token);
  }

  private judge(accessToken: string | undefined, phone: string, templateId: string, data: Record<string, unknown> | null): ZnsAnswer {
    if (!this.accessTokenValid(accessToken)) return { error: -124, message: 'Access token is invalid' };
    if (!/^84[35789]\d{8}$/.test(phone)) return { error: -108, message: 'Phone number is invalid' };
    if (!this.knownTemplates.has(templateId)) return { error: -109, message: 'Template id is invalid' };
    if (!data || Object.keys(data).length === 0) return { error: -111, message: 'Template data is empty' };
    const problem = checkParameters(data, this.knownTemplates.get(templateId)!);
    if (problem) return { error: -112, message: `Template data is invalid: ${problem}` };
    const transient = this.transient.get(phone);
    if (transient) {
      if (--transient.left <= 0) this.transient.delete(phone);
      return { error: transient.code, message: 'Forced transient error' };
    }
    const forced = this.behaviour.forcedErrors[phone];
    if (forced !== undefined) return { error: forced, message: 'Forced error' };
    this.rollDay();
    if (this.sentToday.count >= this.behaviour.dailyQuota) return { error: -144, message: 'Out of daily quota' };
    if (this.identity.random() < this.behaviour.failureRate) return { error: -100, message: 'Unknown error' };
    return { error: 0, message: 'Success' };
  }

  private rollDay(): void {
    // Zalo's quota day is Vietnam's (UTC+7).
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    if (this.sentToday.day !== day) this.sentToday = { day, count: 0 };
  }

  private sign(kind: 'rt' | 'at', expiresAt: number): string {
    const payload = `${kind}.${Date.now()}.${expiresAt}.${randomBytes(6).toString('hex')}`;
    return `${payload}.${createHmac('sha256', this.identity.secretKey).update(payload).digest('hex').slice(0, 32)}`;
  }

  private verify(kind: 'rt' | 'at', token: string): boolean {
    const parts = token.split('.');
    if (parts.length !== 5 || parts[0] !== kind) return false;
    const payload = parts.slice(0, 4).join('.');
    const mac = createHmac('sha256', this.identity.secretKey).update(payload).digest('hex').slice(0, 32);
    return mac === parts[4] && Number(parts[2]) > Date.now() && (kind !== 'at' || Number(parts[1]) >= this.notBefore);
  }
}

/** The same check Zalo applies to an approved template: exactly its parameters, each within its length. */
function checkParameters(data: Record<string, unknown>, template: ZnsTemplate): string | null {
  const parameters = znsParametersOf(template);
  for (const { name, maxLength } of parameters) {
    const value = data[name];
    if (typeof value !== 'string' || value.length === 0) return `missing ${name}`;
    if ([...value].length > maxLength) return `${name} longer than ${maxLength}`;
  }
  const extra = Object.keys(data).filter((key) => !parameters.some((p) => p.name === key));
  return extra.length ? `unknown parameters ${extra.join(', ')}` : null;
}
