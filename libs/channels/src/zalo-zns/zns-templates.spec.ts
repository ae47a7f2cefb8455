import { DEFAULT_ZNS_TEMPLATE_IDS, parseZnsTemplateIds, ZNS_TEMPLATES } from './zns-templates';

describe(parseZnsTemplateIds.name, () => {
  it("keeps the fake server's id for a template not named, in development", () => {
    expect(parseZnsTemplateIds('escalation=778899')).toEqual({ ...DEFAULT_ZNS_TEMPLATE_IDS, escalation: '778899' });
  });

  it('lists every problem of a bad value at once', () => {
    expect(() => parseZnsTemplateIds('escalation=abc, nope=1')).toThrow('ZALO_TEMPLATE_IDS: "escalation=abc" is not template=numeric-id; unknown template "nope"');
  });

  it('requires an approved id for every template when asked (production with a real OA)', () => {
    expect(() => parseZnsTemplateIds('escalation=778899', { requireAll: true })).toThrow(/no id Zalo approved for reminder-before, reminder-due, catch-up/);
    expect(() => parseZnsTemplateIds(undefined, { requireAll: true })).toThrow(/daily-digest/);
    const all = ZNS_TEMPLATES.map((name, i) => `${name}=${778800 + i}`).join(',');
    expect(parseZnsTemplateIds(all, { requireAll: true }).escalation).toBe(String(778800 + ZNS_TEMPLATES.indexOf('escalation')));
  });
});
