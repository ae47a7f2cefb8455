// ZNS templates are approved by Zalo per Official Account and identified by a
// numeric id Zalo assigns; the ids come from configuration (ZALO_TEMPLATE_IDS)
// because each OA gets its own. Every reminder template carries the same
// parameters; the daily digest (one message a day per person) has its own:
// the counts and a link to the person's list of the day.
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from '@dondoc/contracts';

/** The daily digest's template: not a reminder a workflow asks for, a message the notifier composes. */
export const DIGEST_TEMPLATE = 'daily-digest' as const;
export type ZnsTemplate = NotificationTemplate | typeof DIGEST_TEMPLATE;
export const ZNS_TEMPLATES: readonly ZnsTemplate[] = [...NOTIFICATION_TEMPLATES, DIGEST_TEMPLATE];

export const ZNS_PARAMETERS = [
  { name: 'ten_nhiem_vu', maxLength: 100 },
  { name: 'ke_hoach', maxLength: 100 },
  { name: 'thoi_han', maxLength: 30 },
  { name: 'tinh_trang', maxLength: 30 },
  { name: 'duong_dan', maxLength: 500 },
] as const;

export const ZNS_DIGEST_PARAMETERS = [
  { name: 'ten_nguoi_nhan', maxLength: 30 },
  { name: 'ngay', maxLength: 10 },
  { name: 'so_qua_han', maxLength: 5 },
  { name: 'so_sap_den_han', maxLength: 5 },
  { name: 'duong_dan', maxLength: 500 },
] as const;

export type ZnsParameter = (typeof ZNS_PARAMETERS)[number]['name'];
export type ZnsDigestParameter = (typeof ZNS_DIGEST_PARAMETERS)[number]['name'];

/** The parameters Zalo approved for a template. */
export function znsParametersOf(template: ZnsTemplate): ReadonlyArray<{ readonly name: string; readonly maxLength: number }> {
  return template === DIGEST_TEMPLATE ? ZNS_DIGEST_PARAMETERS : ZNS_PARAMETERS;
}

/** The ids the fake ZNS server has "approved"; the default of ZALO_TEMPLATE_IDS. */
export const DEFAULT_ZNS_TEMPLATE_IDS: Readonly<Record<ZnsTemplate, string>> = {
  'reminder-before': '410001',
  'reminder-due': '410002',
  escalation: '410003',
  'catch-up': '410004',
  'report-request': '410005',
  'report-reminder': '410006',
  'aggregate-report': '410007',
  'daily-digest': '410008',
  'report-returned': '410009',
};

/**
 * Parses "reminder-before=123,reminder-due=124,…"; templates not named keep the default id,
 * unless `requireAll` (production with a real OA): then each must be named with Zalo's id.
 * Throws with every problem at once.
 */
export function parseZnsTemplateIds(text: string | undefined, options: { requireAll?: boolean } = {}): Record<ZnsTemplate, string> {
  const ids: Record<ZnsTemplate, string> = { ...DEFAULT_ZNS_TEMPLATE_IDS };
  const problems: string[] = [];
  for (const pair of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, id] = pair.split('=').map((p) => p.trim());
    if (!name || !id || !/^\d+$/.test(id)) problems.push(`"${pair}" is not template=numeric-id`);
    else if (!(ZNS_TEMPLATES as readonly string[]).includes(name)) problems.push(`unknown template "${name}"`);
    else ids[name as ZnsTemplate] = id;
  }
  if (options.requireAll) {
    const fake = ZNS_TEMPLATES.filter((name) => ids[name] === DEFAULT_ZNS_TEMPLATE_IDS[name]);
    if (fake.length) problems.push(`no id Zalo approved for ${fake.join(', ')} (they would use the fake server's ids; set ZALO_ALLOW_DEVELOPMENT=true for a trial)`);
  }
  if (problems.length) throw new Error(`ZALO_TEMPLATE_IDS: ${problems.join('; ')}`);
  return ids;
}
