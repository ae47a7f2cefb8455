import { loadSeedCatalog } from '@dondoc/plan-sync';
import path from 'node:path';

import type { CliIo } from '../plan/cli-io';
import { runSimulation } from './run-simulation';

const catalog = loadSeedCatalog(path.join(__dirname, '..', '..', '..', '..', 'seeds'));
function memoryIo(): CliIo & { text: string } {
  const io = { text: '', readFile: () => ({ ok: false as const, reason: 'unused' }), out: (t: string) => void (io.text += t), err: (t: string) => void (io.text += t), columns: 120, today: () => '2026-11-23' };
  return io;
}

describe(runSimulation.name, () => {
  it('prints each reminder with its Vietnamese date, step and recipients, and a count per task', () => {
    const io = memoryIo();
    const { exitCode, reminders } = runSimulation(catalog, 'kh-ai-2025-2030', { from: '2025-01-01', to: '2025-12-31', agency: 'so-khcn' }, io);
    expect(exitCode).toBe(0);
    expect(io.text).toContain('16/10/2025 08:00  1      so-khcn                before-30d    hạn 15/11/2025  → đầu mối (email+zalo)');
    const perTask = reminders.filter((r) => r.workflowId === 'task/kh-ai-2025-2030/1/so-khcn').length;
    expect(io.text).toMatch(new RegExp(`task/kh-ai-2025-2030/1/so-khcn\\s+${perTask}\\n`));
    expect(reminders.every((r) => r.workflowId.endsWith('/so-khcn'))).toBe(true);
  });

  it('keeps tasks waiting for central guidance silent unless a guidance date is given', () => {
    const silent = runSimulation(catalog, 'kh-nq03-2025', { from: '2025-03-01', to: '2025-12-31', summary: true }, memoryIo()).reminders;
    const released = runSimulation(catalog, 'kh-nq03-2025', { from: '2025-03-01', to: '2025-12-31', summary: true, guidanceDate: '2025-06-02' }, memoryIo()).reminders;
    const guidanceTask = (r: { workflowId: string }) => r.workflowId === 'task/kh-nq03-2025/IV.21/so-noi-vu';
    expect(silent.filter(guidanceTask)).toEqual([]);
    // Released 2/6/2025, due 60 days later (1/8/2025): the ladder starts 30 days before.
    expect(released.filter(guidanceTask)[0]).toMatchObject({ due: '2025-08-01', stepId: 'before-30d' });
  });

  it('rejects an unknown plan or agency with a clear message', () => {
    const io = memoryIo();
    expect(runSimulation(catalog, 'kh-khong-co', { from: '2025-01-01', to: '2025-12-31' }, io).exitCode).toBe(2);
    expect(io.text).toContain('không có kế hoạch "kh-khong-co"; các kế hoạch: kh-ai-2025-2030, kh-nq03-2025');
    expect(runSimulation(catalog, 'kh-ai-2025-2030', { from: '2025-01-01', to: '2025-12-31', agency: 'so-xyz' }, io).exitCode).toBe(2);
  });
});
