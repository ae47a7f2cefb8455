import { SmtpSink, type SmtpSinkOptions } from '@dondoc/runtime';

/** A real SMTP server on a free port whose received messages the test can read. */
export function startTestSmtpSink(options: Omit<SmtpSinkOptions, 'smtpPort' | 'webPort'> = {}): Promise<SmtpSink> {
  return new SmtpSink(options).start();
}
