// ZNS templates are approved by Zalo per Official Account and identified by a
// numeric id Zalo assigns. All our templates carry the same parameters; the
// ids come from configuration (ZALO_TEMPLATE_IDS) because each OA gets its own.
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from '@dondoc/contracts';

export const ZNS_PARAMETERS = [
  { name: 'ten_nhiem_vu', maxLength: 100 },
  { name: 'ke_hoach', maxLength: 100 },
  { name: 'thoi_han', maxLength: 30 },
  { name: 'tinh_trang', maxLength: 30 },
  { name: 'duong_dan', maxLength: 500 },
] as const;

export type ZnsParameter = (typeof ZNS_PARAMETERS)[number]['name'];

/** The ids the fake ZNS server has "approved"; the default of ZALO_TEMPLATE_IDS. */
export const DEFAULT_ZNS_TEMPLATE_IDS: Readonly<Record<NotificationTemplate, string>> = {
  'reminder-before': '410001',
  'reminder-due': '410002',
  escalation: '410003',
  'catch-up': '410004',
  'report-request': '410005',
  'report-reminder': '410006',
  'aggregate-report': '410007',
  'report-returned': '410008',
};

/**
 * Parses "reminder-before=123,reminder-due=124,…"; templates not named keep the default id,
 * unless `requireAll` (production with a real OA): then each must be named with Zalo's id.
 * Throws with every problem at once.
 */
export function parseZnsTemplateIds(text: string | undefined, options: { requireAll?: boolean } = {}): Record<NotificationTemplate, string> {
  const ids: Record<NotificationTemplate, string> = { ...DEFAULT_ZNS_TEMPLATE_IDS };
  if (!text) return ids;
  const problems: string[] = [];
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, id] = pair.split('=').map((p) => p.trim());
    if (!name || !id || !/^\d+$/.test(id)) problems.push(`"${pair}" is not template=numeric-id`);
    else if (!(NOTIFICATION_TEMPLATES as readonly string[]).includes(name)) problems.push(`unknown template "${name}"`);
    else ids[name as NotificationTemplate] = id;
  }
  if (options.requireAll) {
    const fake = NOTIFICATION_TEMPLATES.filter((name) => ids[name] === DEFAULT_ZNS_TEMPLATE_IDS[name]);
    if (fake.length) problems.push(`no id Zalo approved for ${fake.join(', ')} (they would use the fake server's ids; set ZALO_ALLOW_DEVELOPMENT=true for a trial)`);
  }
  if (problems.length) throw new Error(`ZALO_TEMPLATE_IDS: ${problems.join('; ')}`);
  return ids;
}
