import { ConfigError, loadConfig } from './load-config';

describe(loadConfig.name, () => {
  it('gives the embedded development defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.TEMPORAL_ADDRESS).toBe('localhost:7233');
    expect(config.TEMPORAL_TASK_QUEUE).toBe('dondoc-tasks');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.API_PORT).toBe(3000);
  });

  it('coerces numbers and treats empty strings as unset', () => {
    const config = loadConfig({ API_PORT: '8080', SMTP_URL: '' });
    expect(config.API_PORT).toBe(8080);
    expect(config.SMTP_URL).toBe('smtp://127.0.0.1:1025');
  });

  it('lists every bad variable at once, with the reason and the value', () => {
    const error = captureError(() =>
      loadConfig({ API_PORT: 'eighty', REDIS_URL: 'http://x', TEMPORAL_ADDRESS: 'nope', LOG_LEVEL: 'loud' }),
    );
    expect(error.exitCode).toBe(2);
    expect(error.problems).toHaveLength(4);
    expect(error.message).toMatch(/API_PORT: .*"eighty"/);
    expect(error.message).toMatch(/REDIS_URL: must be a URL starting with redis:\/\/ or rediss:\/\/ \(got "http:\/\/x"\)/);
    expect(error.message).toMatch(/TEMPORAL_ADDRESS: must be host:port/);
    expect(error.message).toMatch(/LOG_LEVEL: /);
  });

  it('hides secret values in messages', () => {
    const error = captureError(() => loadConfig({ JWT_SECRET: 'short' }));
    expect(error.message).toContain('JWT_SECRET: must be at least 32 characters');
    expect(error.message).not.toContain('short"');
  });

  it('requires real secrets in production', () => {
    const error = captureError(() => loadConfig({ NODE_ENV: 'production' }));
    expect(error.problems).toEqual([
      'JWT_SECRET: required when NODE_ENV=production',
      'LINK_SIGNING_SECRET: required when NODE_ENV=production (or LINK_SIGNING_KEYS)',
      'METRICS_TOKEN: required when NODE_ENV=production',
    ]);
  });

  it('refuses a production Zalo OA in development mode or on the fake server\'s template ids, unless a trial is allowed', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), LINK_SIGNING_SECRET: 'l'.repeat(32), METRICS_TOKEN: 'm'.repeat(32), ZALO_APP_ID: 'app', ZALO_SECRET_KEY: 's', ZALO_OA_SECRET_KEY: 'oa' };
    expect(captureError(() => loadConfig(base)).problems).toEqual([
      "ZALO_MODE: must be production when NODE_ENV=production and ZALO_APP_ID is set (development delivers only to the app's admins); set ZALO_ALLOW_DEVELOPMENT=true for a trial",
      'ZALO_TEMPLATE_IDS: required when NODE_ENV=production and ZALO_APP_ID is set (the ids Zalo approved for this OA); set ZALO_ALLOW_DEVELOPMENT=true for a trial',
    ]);
    expect(captureError(() => loadConfig({ ...base, ZALO_MODE: 'production', ZALO_TEMPLATE_IDS: 'reminder-before=410001,escalation=778899' })).problems).toEqual([
      "ZALO_TEMPLATE_IDS: names the fake ZNS server's ids (410001–410099), which Zalo never approved; set ZALO_ALLOW_DEVELOPMENT=true for a trial",
    ]);
    expect(() => loadConfig({ ...base, ZALO_MODE: 'production', ZALO_TEMPLATE_IDS: 'reminder-before=778801,escalation=778899' })).not.toThrow();
    expect(() => loadConfig({ ...base, ZALO_ALLOW_DEVELOPMENT: 'true' })).not.toThrow();
  });

  it('takes rotating link keys instead of one secret, and checks that the current key is one of them', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), METRICS_TOKEN: 'm'.repeat(32) };
    expect(() => loadConfig({ ...base, LINK_SIGNING_KEYS: `2026a=${'a'.repeat(32)},2027a=${'b'.repeat(32)}`, LINK_SIGNING_KEY_ID: '2027a' })).not.toThrow();
    expect(captureError(() => loadConfig({ ...base, LINK_SIGNING_KEYS: `2026a=${'a'.repeat(32)}`, LINK_SIGNING_KEY_ID: '2027a' })).problems).toEqual(['LINK_SIGNING_KEY_ID: "2027a" is not a key id of LINK_SIGNING_KEYS']);
    expect(captureError(() => loadConfig({ ...base, LINK_SIGNING_KEYS: '2026a=short' })).problems[0]).toMatch(/^LINK_SIGNING_KEYS: must be kid=secret pairs/);
  });

  it('reads TRUST_PROXY as off, a hop count or a list of proxy addresses, never "true"', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    expect(captureError(() => loadConfig({ TRUST_PROXY: 'true' })).problems[0]).toMatch(/^TRUST_PROXY: must be false, a hop count/);
  });

  it('requires the OA secret key in production once a Zalo app is configured', () => {
    const secrets = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), LINK_SIGNING_SECRET: 'l'.repeat(32), METRICS_TOKEN: 'm'.repeat(32), ZALO_ALLOW_DEVELOPMENT: 'true' };
    expect(() => loadConfig(secrets)).not.toThrow();
    expect(captureError(() => loadConfig({ ...secrets, ZALO_APP_ID: 'app', ZALO_SECRET_KEY: 'app-secret' })).problems).toEqual([
      'ZALO_OA_SECRET_KEY: required when NODE_ENV=production and ZALO_APP_ID is set',
    ]);
    expect(loadConfig({ ...secrets, ZALO_APP_ID: 'app', ZALO_SECRET_KEY: 'app-secret', ZALO_OA_SECRET_KEY: 'oa-secret' }).ZALO_OA_SECRET_KEY).toBe('oa-secret');
    expect(captureError(() => loadConfig({ ...secrets, ZALO_APP_ID: 'app', ZALO_OA_SECRET_KEY: 'oa-secret' })).problems).toEqual([
      'ZALO_SECRET_KEY: required when NODE_ENV=production and ZALO_APP_ID is set (the app secret the token refresh sends)',
    ]);
    // Development (npm start) runs the fake server and sets its key itself.
    expect(() => loadConfig({ ZALO_APP_ID: 'app' })).not.toThrow();
  });

  it('takes the fake ZNS failure rate as a share between 0 and 1', () => {
    expect(loadConfig({ ZALO_FAKE_FAILURE_RATE: '0.25' }).ZALO_FAKE_FAILURE_RATE).toBe(0.25);
    expect(captureError(() => loadConfig({ ZALO_FAKE_FAILURE_RATE: '1.5' })).problems[0]).toMatch(/^ZALO_FAKE_FAILURE_RATE: must be between 0 and 1/);
  });

  it('lists rules across variables together with field errors', () => {
    const error = captureError(() => loadConfig({ NODE_ENV: 'production', API_PORT: '99999', SMTP_DKIM_SELECTOR: 's1' }));
    expect(error.problems).toHaveLength(5);
    expect(error.problems[0]).toMatch(/^API_PORT: .*"99999"/);
    expect(error.problems.slice(1)).toEqual([
      'JWT_SECRET: required when NODE_ENV=production',
      'LINK_SIGNING_SECRET: required when NODE_ENV=production (or LINK_SIGNING_KEYS)',
      'METRICS_TOKEN: required when NODE_ENV=production',
      'SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR, SMTP_DKIM_PRIVATE_KEY: set all three or none',
    ]);
  });

  it('rejects a partial DKIM setup', () => {
    const error = captureError(() => loadConfig({ SMTP_DKIM_DOMAIN: 'skhcn.example' }));
    expect(error.problems[0]).toMatch(/set all three or none/);
  });
});

function captureError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
