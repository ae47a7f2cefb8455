import { deliverySummaryLine } from './delivery-summary';

describe(deliverySummaryLine.name, () => {
  const at = Date.UTC(2026, 11, 4, 1, 1); // 08:01 in Vietnam

  it('says nothing when nothing was sent or given up', () => {
    expect(deliverySummaryLine([], at)).toBeNull();
  });

  it('counts sends per channel and points to the dead letters when something failed', () => {
    expect(
      deliverySummaryLine(
        [
          { channel: 'email', status: 'sent', count: 57 },
          { channel: 'zalo', status: 'sent', count: 12 },
          { channel: 'zalo', status: 'failed_permanent', count: 1 },
        ],
        at,
      ),
    ).toBe('08:01 deliveries in the last minute: 57 e-mail, 12 Zalo sent; 1 failed permanently (npx dondoc deliveries --status dead)');
  });

  it('says how many digests carried the reminders', () => {
    expect(deliverySummaryLine([{ channel: 'email', status: 'sent', count: 70, messages: 9 }, { channel: 'zalo', status: 'sent', count: 3, messages: 3 }], at)).toBe(
      '08:01 deliveries in the last minute: 70 e-mail (in 9 digests), 3 Zalo sent',
    );
  });
});
