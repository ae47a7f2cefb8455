// SMTP_URL and friends → nodemailer transport options. smtps:// is TLS from
// the first byte (port 465); smtp:// upgrades with STARTTLS when the relay
// offers it, and `?requireTLS=true` refuses to send in clear text.
import type { AppConfig } from '@dondoc/config';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface SmtpSettings {
  readonly url: string;
  readonly poolSize: number;
  readonly dkim?: { readonly domain: string; readonly selector: string; readonly privateKey: string } | undefined;
}

type SmtpConfig = Pick<AppConfig, 'SMTP_URL' | 'SMTP_POOL_SIZE' | 'SMTP_DKIM_DOMAIN' | 'SMTP_DKIM_SELECTOR' | 'SMTP_DKIM_PRIVATE_KEY'>;

/** The relay settings of the configuration (DKIM only when all three variables are set, which the configuration checks). */
export function smtpSettingsFromConfig(config: SmtpConfig, poolSize = config.SMTP_POOL_SIZE): SmtpSettings {
  const { SMTP_DKIM_DOMAIN: domain, SMTP_DKIM_SELECTOR: selector, SMTP_DKIM_PRIVATE_KEY: privateKey } = config;
  return { url: config.SMTP_URL, poolSize, dkim: domain && selector && privateKey ? { domain, selector, privateKey } : undefined };
}

export function smtpTransportOptions(settings: SmtpSettings): SMTPPool.Options {
  const url = new URL(settings.url);
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  return {
    pool: true,
    maxConnections: settings.poolSize,
    // Each pooled connection sends many messages; a relay that caps messages per
    // connection closes it and nodemailer opens a new one.
    maxMessages: 100,
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    requireTLS: url.searchParams.get('requireTLS') === 'true',
    ...(user ? { auth: { user, pass } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(settings.dkim
      ? {
          dkim: {
            domainName: settings.dkim.domain,
            keySelector: settings.dkim.selector,
            // .env files carry the PEM on one line with literal "\n".
            privateKey: settings.dkim.privateKey.replace(/\\n/g, '\n'),
          },
        }
      : {}),
  };
}
