import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parsePolicySource } from '../load/parse-source';

const seedsDir = path.join(__dirname, '../../../../seeds/policies');

describe('policy files', () => {
  it('accepts the default policy with its ladder in order', () => {
    const file = path.join(seedsDir, 'default.yaml');
    const { value, diagnostics } = parsePolicySource({ file, text: readFileSync(file, 'utf8') });
    expect(diagnostics).toEqual([]);
    expect(value?.before.map((s) => s.id)).toEqual(['before-30d', 'before-7d', 'before-1wd']);
    expect(value?.after.map((s) => s.workingDaysAfter)).toEqual([1, 5, 15]);
    expect(value?.repeat?.everyCalendarDays).toBe(7);
  });

  it('places each problem at its line with the field and a reason', () => {
    const text = [
      'id: strict',
      'sendAt: "8h"',
      'before:',
      '  - id: before-7d',
      '    calendarDaysBefore: 7',
      '    workingDaysBefore: 1',
      '    recipients: [{ role: focal, channels: [fax] }]',
      'onDueDate: null',
      'after: []',
      'repeat: null',
      'guidanceLeadDays: 60',
    ].join('\n');
    const { value, diagnostics } = parsePolicySource({ file: 'p.yaml', text });
    expect(value).toBeUndefined();
    const where = diagnostics.map((d) => `${d.line}:${d.path}`);
    expect(where).toEqual(expect.arrayContaining(['2:sendAt', '7:before[0].recipients[0].channels[0]']));
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/HH:MM/);
  });

  it('asks for exactly one way of counting days before the due date', () => {
    const text = 'id: p\nsendAt: "08:00"\nbefore:\n  - id: b\n    calendarDaysBefore: 7\n    workingDaysBefore: 1\n    recipients: [{ role: focal, channels: [email] }]\nonDueDate: null\nafter: []\nrepeat: null\nguidanceLeadDays: 60\n';
    const { diagnostics } = parsePolicySource({ file: 'p.yaml', text });
    expect(diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([expect.stringMatching(/^4: .*đúng một trong hai/)]);
  });

  it('reads the optional report settings, adds nothing when they are absent, and places a bad one', () => {
    const base = 'id: p\nsendAt: "08:00"\nbefore: []\nonDueDate: null\nafter: []\nrepeat: null\nguidanceLeadDays: 60\n';
    expect(parsePolicySource({ file: 'p.yaml', text: `${base}reports: { signOffWorkingDays: 2, lateRequestGraceWorkingDays: 7 }\n` }).value?.reports).toEqual({ signOffWorkingDays: 2, lateRequestGraceWorkingDays: 7 });
    // Absent stays absent: the policy's fingerprint (and so every running task workflow) is unchanged by the feature.
    expect(parsePolicySource({ file: 'p.yaml', text: base }).value).not.toHaveProperty('reports');
    const { value, diagnostics } = parsePolicySource({ file: 'p.yaml', text: `${base}reports:\n  signOffWorkingDays: 0\n` });
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => `${d.line}:${d.path}`)).toEqual(['9:reports.signOffWorkingDays']);
  });
});
