import { smtpSettingsFromConfig, smtpTransportOptions } from './smtp-transport';

const base = { SMTP_URL: 'smtp://relay.kontum.example:587?requireTLS=true', SMTP_POOL_SIZE: 5, SMTP_DKIM_DOMAIN: undefined, SMTP_DKIM_SELECTOR: undefined, SMTP_DKIM_PRIVATE_KEY: undefined };

describe(smtpSettingsFromConfig.name, () => {
  it('signs with DKIM when the key is configured, and keeps the pool the caller asks for', () => {
    const settings = smtpSettingsFromConfig({ ...base, SMTP_DKIM_DOMAIN: 'skhcn.kontum.example', SMTP_DKIM_SELECTOR: 'dondoc', SMTP_DKIM_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----' }, 1);
    const options = smtpTransportOptions(settings);
    expect(options).toMatchObject({ pool: true, maxConnections: 1, host: 'relay.kontum.example', port: 587, secure: false, requireTLS: true });
    expect(options.dkim).toEqual({ domainName: 'skhcn.kontum.example', keySelector: 'dondoc', privateKey: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----' });
  });

  it('sends unsigned without a DKIM key, with the configured pool size', () => {
    const options = smtpTransportOptions(smtpSettingsFromConfig(base));
    expect(options.maxConnections).toBe(5);
    expect(options.dkim).toBeUndefined();
  });
});
