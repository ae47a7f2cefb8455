// The ZNS error table (zalo.cloud, "handle error code"), decided once: what
// each code means for us. Codes from ../shared/REFERENCE.md are certain; the
// others follow the same public table and default to "fail" when unknown, so
// an unexpected code dead-letters (visible, replayable) instead of hammering Zalo.
import type { FailureAction } from '../channel';

export interface ZnsErrorMeaning {
  readonly action: FailureAction | 'refresh-token';
  readonly reason: string;
}

export const ZNS_ERRORS: Readonly<Record<number, ZnsErrorMeaning>> = {
  [-100]: { action: 'retry', reason: 'lỗi không xác định phía Zalo' },
  [-101]: { action: 'fail', reason: 'ứng dụng Zalo không hợp lệ' },
  [-102]: { action: 'fail', reason: 'ứng dụng Zalo không tồn tại' },
  [-103]: { action: 'fail', reason: 'ứng dụng Zalo chưa được kích hoạt' },
  [-104]: { action: 'fail', reason: 'secret key của ứng dụng Zalo không hợp lệ' },
  [-105]: { action: 'fail', reason: 'ứng dụng chưa liên kết với Official Account' },
  [-108]: { action: 'fallback-email', reason: 'số điện thoại không hợp lệ' },
  [-109]: { action: 'fail', reason: 'mã template ZNS không hợp lệ' },
  [-111]: { action: 'fail', reason: 'dữ liệu template ZNS trống' },
  [-112]: { action: 'fail', reason: 'dữ liệu template ZNS không hợp lệ' },
  [-114]: { action: 'fallback-email', reason: 'người dùng không hoạt động hoặc từ chối nhận ZNS' },
  [-115]: { action: 'retry', reason: 'Official Account không đủ số dư gửi ZNS' },
  [-118]: { action: 'fallback-email', reason: 'số điện thoại chưa đăng ký tài khoản Zalo' },
  [-119]: { action: 'fallback-email', reason: 'tài khoản Zalo không nhận được ZNS' },
  [-124]: { action: 'refresh-token', reason: 'access token không hợp lệ hoặc đã hết hạn' },
  [-133]: { action: 'retry', reason: 'ngoài khung giờ Zalo cho phép gửi ZNS' },
  [-139]: { action: 'fallback-email', reason: 'người dùng từ chối nhận ZNS từ Official Account' },
  [-144]: { action: 'retry', reason: 'đã hết hạn mức gửi ZNS trong ngày' },
};

export function znsErrorMeaning(code: number): ZnsErrorMeaning {
  return ZNS_ERRORS[code] ?? { action: 'fail', reason: `mã lỗi ZNS chưa biết ${code}` };
}
