// A small agency directory for the notifier tests: one agency per situation
// (plain, merged into a successor, bad e-mail, no Zalo account, quiet hours).
import { AgencyIndex } from '@dondoc/catalog';
import type { Agency, Contact, ContactChannel, DeliveryMode, QuietHours } from '@dondoc/domain';

export const PHONES = { focal: '0912345678', noZalo: '0987654321' } as const;

const contact = (name: string, title: string, email: string, phone: string | null): Contact => ({ name, title, email, phone });
const agency = (id: string, name: string, focal: Contact, head: Contact, quietHours: QuietHours | null = null, channels: readonly ContactChannel[] = ['email', 'zalo']): Agency => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: 'department',
  aliases: [],
  focal,
  head,
  preferences: { channels, quietHours },
});

export const TEST_AGENCIES: Agency[] = [
  agency('so-thu', 'Sở Thử nghiệm tỉnh Kon Tum', contact('Nguyễn Thị Hằng', 'Chuyên viên', 'hang@sothu.example', PHONES.focal), contact('Trần Văn Đức', 'Giám đốc', 'duc@sothu.example', '0912000001')),
  agency('so-khcn', 'Sở Khoa học và Công nghệ', contact('Võ Ngọc Tín', 'Chuyên viên', 'tin@skhcn.example', '0912000002'), contact('Lý Đức Oanh', 'Giám đốc', 'oanh@skhcn.example', '0912000003')),
  agency('van-phong-ubnd-tinh', 'Văn phòng UBND tỉnh', contact('Trương Gia Ngân', 'Chuyên viên', 'ngan@vp.example', '0912000004'), contact('Phạm Kim Hưng', 'Chánh Văn phòng', 'hung@vp.example', '0912000005')),
  agency('so-cu', 'Sở Cũ (đã sáp nhập)', contact('Người Cũ', 'Chuyên viên', 'cu@socu.example', '0912000006'), contact('Trưởng Cũ', 'Giám đốc', 'truongcu@socu.example', '0912000007')),
  agency('so-moi', 'Sở Mới sau sáp nhập', contact('Đặng Thu Hà', 'Chuyên viên', 'ha@somoi.example', '0912000008'), contact('Lê Quốc Việt', 'Giám đốc', 'viet@somoi.example', '0912000009')),
  agency('so-sai', 'Sở Có Địa Chỉ Sai', contact('Hoàng Gõ Nhầm', 'Chuyên viên', 'go nham@@sosai', '12345'), contact('Phan Thị Đúng', 'Giám đốc', 'dung@sosai.example', '0912000010')),
  agency('so-tu-choi', 'Sở Bị Từ Chối', contact('Người A', 'Chuyên viên', 'a@rejected.example', null), contact('Người B', 'Giám đốc', 'b@rejected.example', null)),
  agency('so-khong-zalo', 'Sở Không Dùng Zalo', contact('Mai Văn Khoa', 'Chuyên viên', 'khoa@sokz.example', PHONES.noZalo), contact('Mai Thị Lan', 'Giám đốc', 'lan@sokz.example', null), null, ['zalo']),
  agency('so-nghi-trua', 'Sở Nghỉ Trưa', contact('Bùi Trưa', 'Chuyên viên', 'trua@sont.example', null), contact('Bùi Chiều', 'Giám đốc', 'chieu@sont.example', null), { from: '11:30', to: '13:30' }),
];

/** The test directory, every agency taking its reminders as `delivery` says (one message each unless told otherwise). */
export function testAgencyIndex(delivery: (agencyId: string) => DeliveryMode = () => 'each'): AgencyIndex {
  return new AgencyIndex({
    agencies: TEST_AGENCIES.map((a) => ({ ...a, preferences: { channels: a.preferences?.channels ?? ['email'], quietHours: a.preferences?.quietHours ?? null, delivery: delivery(a.id) } })),
    groups: [],
    reorganisations: [{ kind: 'merge', effective: '2025-03-01', from: ['so-cu'], into: 'so-moi', note: null }],
  });
}
