// SMTP's own contract decides: 4xx replies are temporary, 5xx permanent. A 5xx
// to RCPT TO means this address is bad (try the next contact); any other 5xx
// means the message itself or our account is refused (dead-letter).
import { DeliveryError } from '../channel';

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  command?: string;
  response?: string;
  message?: string;
}

const asFailure = (error: unknown): SmtpFailure => (typeof error === 'object' && error !== null ? (error as SmtpFailure) : { message: String(error) });

export function classifySmtpError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const failure = asFailure(error);
  const reply = (failure.response ?? failure.message ?? 'không rõ').trim();
  const status = failure.responseCode;
  const code = status !== undefined ? String(status) : (failure.code ?? null);
  if (status !== undefined && status >= 500) {
    if (failure.command === 'RCPT TO') return new DeliveryError('next-contact', `máy chủ thư từ chối địa chỉ người nhận: ${reply}`, code, { cause: error });
    return new DeliveryError('fail', `máy chủ thư từ chối vĩnh viễn (${failure.command ?? 'SMTP'}): ${reply}`, code, { cause: error });
  }
  if (status !== undefined && status >= 400) {
    return new DeliveryError('retry', `máy chủ thư tạm thời từ chối (${failure.command ?? 'SMTP'}): ${reply}`, code, { cause: error });
  }
  if (failure.code === 'EAUTH') return new DeliveryError('fail', `máy chủ thư từ chối đăng nhập: ${reply}`, code, { cause: error });
  if (failure.code === 'EENVELOPE') return new DeliveryError('next-contact', `địa chỉ người nhận không dùng được: ${reply}`, code, { cause: error });
  // Connection refused, timeouts, TLS hiccups, DNS: the relay may be back soon.
  return new DeliveryError('retry', `lỗi kết nối máy chủ thư (${failure.code ?? 'không rõ'}): ${reply}`, code, { cause: error });
}
