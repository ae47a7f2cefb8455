// Vietnamese names of a task's timeline events (types from the task workflow).
export const TIMELINE_LABELS: Readonly<Record<string, string>> = {
  started: 'Bắt đầu theo dõi',
  'trigger-waiting': 'Chờ hướng dẫn của Trung ương',
  'guidance-received': 'Nhận văn bản hướng dẫn',
  'cycle-started': 'Bắt đầu kỳ theo dõi',
  'reminder-sent': 'Gửi nhắc việc',
  'catch-up-sent': 'Gửi nhắc việc (bù)',
  'reminder-skipped': 'Bỏ qua nhắc việc',
  'rules-updated': 'Áp dụng quy định mới',
  delivered: 'Đã chuyển đến người nhận',
  'delivery-failed': 'Gửi không thành công',
  acknowledged: 'Tiếp nhận nhiệm vụ',
  progress: 'Báo cáo tiến độ',
  completed: 'Hoàn thành',
  'completion-proposed': 'Đề nghị hoàn thành',
  'completion-confirmed': 'Sở KH&CN xác nhận hoàn thành',
  'completion-returned': 'Sở KH&CN trả lại đề nghị hoàn thành',
  'input-refused': 'Không nhận dữ liệu không hợp lệ',
  'deadline-extended': 'Gia hạn',
  reassigned: 'Chuyển cơ quan thực hiện',
  paused: 'Tạm dừng nhắc việc',
  resumed: 'Tiếp tục nhắc việc',
  cancelled: 'Hủy nhiệm vụ',
  'plan-revised': 'Kế hoạch được sửa đổi',
};

/** Timeline dot colours: what the agency did in green, failures in red, reminders in blue. */
export function timelineColour(type: string): string {
  if (type === 'delivery-failed' || type === 'cancelled' || type === 'input-refused') return 'red';
  if (['acknowledged', 'progress', 'completed', 'completion-proposed', 'completion-confirmed'].includes(type)) return 'green';
  if (['paused', 'deadline-extended', 'reassigned', 'completion-returned'].includes(type)) return 'orange';
  return 'blue';
}
