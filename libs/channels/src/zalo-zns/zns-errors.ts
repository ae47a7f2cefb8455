// The ZNS error table (zalo.cloud, "handle error code"), decided once: what
// each code means for us. Codes from ../shared/REFERENCE.md are certain; the
// others follow the same public table. A permanent refusal, whether about the
// person (-118) or about our app, OA or template (-101, -109), and any code we
// do not know, hands the reminder to e-mail: ZNS is the convenience channel,
// e-mail the official one, and a reminder must reach someone either way.
import type { FailureAction } from '../channel';

export interface ZnsErrorMeaning {
  /** `wait-for-quota`: retry once Zalo's daily quota resets, without spending an attempt. */
  readonly action: Exclude<FailureAction, 'fail' | 'next-contact'> | 'refresh-token' | 'wait-for-quota';
  readonly reason: string;
}

export const ZNS_ERRORS: Readonly<Record<number, ZnsErrorMeaning>> = {
  [-100]: { action: 'retry', reason: 'lỗi không xác định phía Zalo' },
  [-101]: { action: 'fallback-email', reason: 'ứng dụng Zalo không hợp lệ' },
  [-102]: { action: 'fallback-email', reason: 'ứng dụng Zalo không tồn tại' },
  [-103]: { action: 'fallback-email', reason: 'ứng dụng Zalo chưa được kích hoạt' },
  [-104]: { action: 'fallback-email', reason: 'secret key của ứng dụng Zalo không hợp lệ' },
  [-105]: { action: 'fallback-email', reason: 'ứng dụng chưa liên kết với Official Account' },
  [-108]: { action: 'fallback-email', reason: 'số điện thoại không hợp lệ' },
  [-109]: { action: 'fallback-email', reason: 'mã template ZNS không hợp lệ' },
  [-111]: { action: 'fallback-email', reason: 'dữ liệu template ZNS trống' },
  [-112]: { action: 'fallback-email', reason: 'dữ liệu template ZNS không hợp lệ' },
  [-114]: { action: 'fallback-email', reason: 'người dùng không hoạt động hoặc từ chối nhận ZNS' },
  [-115]: { action: 'retry', reason: 'Official Account không đủ số dư gửi ZNS' },
  [-118]: { action: 'fallback-email', reason: 'số điện thoại chưa đăng ký tài khoản Zalo' },
  [-119]: { action: 'fallback-email', reason: 'tài khoản Zalo không nhận được ZNS' },
  [-124]: { action: 'refresh-token', reason: 'access token không hợp lệ hoặc đã hết hạn' },
  [-133]: { action: 'retry', reason: 'ngoài khung giờ Zalo cho phép gửi ZNS' },
  [-139]: { action: 'fallback-email', reason: 'người dùng từ chối nhận ZNS từ Official Account' },
  [-144]: { action: 'wait-for-quota', reason: 'đã hết hạn mức gửi ZNS trong ngày' },
};

export function znsErrorMeaning(code: number): ZnsErrorMeaning {
  return ZNS_ERRORS[code] ?? { action: 'fallback-email', reason: `mã lỗi ZNS chưa biết ${code}` };
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Zalo counts the daily ZNS quota per day in Vietnam (UTC+7, no daylight saving): the next 00:00 there. */
export function znsQuotaResetAt(now: number): number {
  return (Math.floor((now + VIETNAM_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - VIETNAM_OFFSET_MS;
}
