// Replays recorded task workflow histories against today's workflow bundle: a
// change that would make running workflows non-deterministic fails here (use
// `patched()` for such changes). Fixtures: test/fixtures/histories/*.json, made by
//   DONDOC_RECORD_HISTORIES=1 npx jest --selectProjects integration --testPathPatterns replay
// and committed. Re-record them only for a deliberate, patched change of behaviour.
// *.before-status-model.json: the same runs recorded before the 'task-status-model' and
// 'catch-up-spacing' patches (issue 13 §1, issue 12 §5); the runs without that suffix,
// and proposal-*, completion-self, guidance-refused-*, catch-up-spacing, after them.
// moved-to-status-model.json: a run begun on the code before those patches and finished
// (proposed, confirmed) on the code after them, as running workflows move over.
// report-*.json: a yearly report cycle and three of its agencies (late, missing,
// returned and resubmitted), recorded from the report cycle acceptance test on
// the code before the 'return-comment-own-field' patch (so also before the
// 'report-sign-off', 'late-request-grace' and 'report-returned-notice' patches);
// report-cycle-sign-off, report-agency-returned-new-deadline and
// report-agency-late-request-grace were recorded on those patches by
//   DONDOC_RECORD_HISTORIES=1 npx jest --selectProjects integration --runInBand test/integration/reports/report-sign-off test/integration/reports/report-late-start
// waiting-reassign*, merge-*: agency merges (see 'recording the merge fixtures' below); their
// .before-status-model files were recorded on the merge patch before the status model.
import {
  absorbMergedTaskUpdate,
  acknowledgeUpdate,
  closeAsMergedUpdate,
  completeUpdate,
  confirmCompletionUpdate,
  extendDeadlineUpdate,
  guidanceIssuedSignal,
  pauseUpdate,
  proposeCompletionUpdate,
  reassignUpdate,
  reportProgressUpdate,
  resumeUpdate,
  returnCompletionUpdate,
  timelineQuery,
} from '@dondoc/contracts';
import { addCalendarDays } from '@dondoc/policy';
import {
  activitiesFor,
  createTaskScenario,
  DAY,
  eventually,
  historyFromJson,
  historyToJson,
  HOUR,
  ladderOf,
  startTimeSkippingServer,
  type TaskHandle,
  vnDay,
  vnYear,
} from '@dondoc/test-harness';
import { Worker } from '@temporalio/worker';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'histories');
const recording = process.env.DONDOC_RECORD_HISTORIES === '1';

(recording ? describe : describe.skip)('recording the replay fixtures (DONDOC_RECORD_HISTORIES=1)', () => {
  it('records representative runs', async () => {
    const env = await startTimeSkippingServer();
    const s = await createTaskScenario(env, 'replay');
    mkdirSync(FIXTURES, { recursive: true });
    const save = async (handle: TaskHandle, name: string, runId?: string) => {
      const history = await env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
      writeFileSync(path.join(FIXTURES, `${name}.json`), `${JSON.stringify(JSON.parse(historyToJson(history)))}\n`); // compact: small fixtures
    };
    try {
      // A month ladder: reminders, an extension mid-escalation, acknowledgement, pause/resume, completion.
      const [y, m] = vnDay((await s.now()) + 150 * DAY).split('-').map(Number) as [number, number];
      const month = await s.start(`${m}/${y}`);
      const due = (await s.state(month)).dueDate!;
      await s.advanceTo(ladderOf(due, 0).find((step) => step.stepId === 'overdue-1wd')!.at + HOUR);
      const newDue = addCalendarDays(vnDay(await s.now()), 12);
      await month.executeUpdate(extendDeadlineUpdate, { args: [{ newDue, reason: 'Chờ thẩm định', approvedBy: 'pgd' }] });
      await month.executeUpdate(acknowledgeUpdate, { args: [{ by: 'focal' }] });
      await s.advanceTo((await s.now()) + 6 * DAY);
      await month.executeUpdate(pauseUpdate, { args: [{ by: 'admin', reason: 'Rà soát' }] });
      await s.advanceTo((await s.now()) + 4 * DAY);
      await month.executeUpdate(resumeUpdate, { args: [{ by: 'admin' }] });
      await s.advanceTo((await s.now()) + 5 * DAY);
      await month.executeUpdate(completeUpdate, { args: [{ by: 'focal', evidence: 'Công văn 1/SKHCN' }] });
      await month.result();
      await save(month, 'month-extension-pause-complete');

      // A period: a progress cycle closed by a report, continue-as-new, the final deadline completed.
      const next = vnYear(await s.now()) + 1;
      const range = await s.start(`${next}-${next + 1}`);
      const firstRun = (await range.describe()).runId;
      await s.advanceTo(ladderOf(`${next}-11-15`, 0).find((step) => step.stepId === 'before-7d')!.at + HOUR);
      await range.executeUpdate(reportProgressUpdate, { args: [{ by: 'focal', percent: 40, note: 'Đã dự thảo' }] });
      await eventually(() => s.state(range), (state) => state.cycle === 1);
      await s.advanceTo(ladderOf(`${next + 1}-12-31`, 0)[0]!.at + HOUR);
      await range.executeUpdate(completeUpdate, { args: [{ by: 'focal', evidence: 'Báo cáo tổng kết' }] });
      await range.result();
      await save(range, 'year-range-progress-cycle', firstRun);
      await save(range, 'year-range-final-cycle');

      // Imported late: one catch-up, then weekly escalation; and a task released by central guidance.
      const late = await s.start('12/2025');
      await s.advanceTo((await s.now()) + 15 * DAY);
      await late.executeUpdate(completeUpdate, { args: [{ by: 'focal', evidence: 'Xong' }] });
      await late.result();
      await save(late, 'month-catch-up');
      const waiting = await s.start('Khi Trung ương ban hành');
      await s.advanceTo((await s.now()) + 30 * DAY);
      await waiting.signal(guidanceIssuedSignal, { documentNumber: '1/2027/TT-BKHCN', date: vnDay(await s.now()), issuer: 'Bộ KH&CN' });
      await s.advanceTo((await s.now()) + 35 * DAY);
      await waiting.executeUpdate(completeUpdate, { args: [{ by: 'focal', evidence: 'Xong' }] });
      await waiting.result();
      await save(waiting, 'after-guidance');

      // The status model: a proposal returned (the ladder resumes), proposed again late and confirmed;
      // a plan with completion: self; a guidance date the calendar cannot work with, then a good one.
      const [y2, m2] = vnDay((await s.now()) + 150 * DAY).split('-').map(Number) as [number, number];
      const confirmed = await s.start(`${m2}/${y2}`);
      const due2 = (await s.state(confirmed)).dueDate!;
      const step = (id: string) => ladderOf(due2, 0).find((candidate) => candidate.stepId === id)!.at;
      const proposal = { args: [{ by: 'focal', result: 'Đã ban hành kế hoạch', evidence: 'Công văn 7/SYT' }] as [{ by: string; result: string; evidence: string }] };
      await s.advanceTo(step('before-7d') + HOUR);
      await confirmed.executeUpdate(proposeCompletionUpdate, proposal);
      await s.advanceTo(step('overdue-1wd') + HOUR);
      await confirmed.executeUpdate(returnCompletionUpdate, { args: [{ by: 'admin', comment: 'Thiếu minh chứng' }] });
      await s.advanceTo(step('overdue-5wd') + HOUR);
      await confirmed.executeUpdate(proposeCompletionUpdate, proposal);
      await s.advanceTo((await s.now()) + 3 * DAY);
      await confirmed.executeUpdate(confirmCompletionUpdate, { args: [{ by: 'admin', comment: '' }] });
      await confirmed.result();
      await save(confirmed, 'proposal-returned-confirmed-late');
      const self = await s.start(`${m2}/${y2}`, { completion: 'self' });
      await s.advanceTo((await s.now()) + 2 * DAY);
      await self.executeUpdate(proposeCompletionUpdate, proposal);
      await self.result();
      await save(self, 'completion-self');
      const released = await s.start('Khi Trung ương ban hành');
      await released.signal(guidanceIssuedSignal, { documentNumber: '1/TT', date: '1288-08-02', issuer: 'Bộ KH&CN' });
      await released.signal(guidanceIssuedSignal, { documentNumber: '2/TT', date: vnDay(await s.now()), issuer: 'Bộ KH&CN' });
      await s.advanceTo((await s.now()) + 35 * DAY);
      await released.executeUpdate(completeUpdate, { args: [{ by: 'admin', evidence: 'Xong' }] });
      await released.result();
      await save(released, 'guidance-refused-then-released');

      // Imported two minutes before a step: the catch-up, then the next step a working day later.
      const [y3, m3] = vnDay((await s.now()) + 40 * DAY).split('-').map(Number) as [number, number];
      const due3 = new Date(Date.UTC(y3, m3, 0)).toISOString().slice(0, 10);
      const fifteenth = ladderOf(due3, 0).find((candidate) => candidate.stepId === 'overdue-15wd')!;
      await s.advanceTo(fifteenth.at - 2 * 60_000);
      const spaced = await s.start(`${m3}/${y3}`, { catchUp: true });
      await s.advanceTo(fifteenth.at + 2 * DAY);
      await spaced.executeUpdate(completeUpdate, { args: [{ by: 'admin', evidence: 'Xong' }] });
      await spaced.result();
      await save(spaced, 'catch-up-spacing');
    } finally {
      await s.cleanUp();
      await s.stop();
      await env.teardown();
    }
  });
});

// Agency merges: a task waiting for guidance reassigned (its attributes now follow while it waits,
// patch 'refresh-attributes-while-waiting'), and a task absorbed by the successor's, which continues.
// DONDOC_RECORD_HISTORIES=merge records both; =merge-before only the first (run it on the code before the patch
// and save the file as waiting-reassign.before-refresh-while-waiting.json).
const mergeRecording = process.env.DONDOC_RECORD_HISTORIES;
(mergeRecording === 'merge' || mergeRecording === 'merge-before' ? describe : describe.skip)('recording the merge fixtures', () => {
  it('records a reassignment while waiting, and a merge into the successor’s workflow', async () => {
    const env = await startTimeSkippingServer();
    const s = await createTaskScenario(env, 'replay-merge');
    const save = async (handle: TaskHandle, name: string) => {
      const history = await env.client.workflow.getHandle(handle.workflowId).fetchHistory();
      writeFileSync(path.join(FIXTURES, `${name}.json`), `${JSON.stringify(JSON.parse(historyToJson(history)))}\n`);
    };
    try {
      const waiting = await s.start('Khi Trung ương ban hành', { agencyId: 'so-ngoai-vu' });
      await s.advanceTo((await s.now()) + 10 * DAY);
      await waiting.executeUpdate(reassignUpdate, { args: [{ toAgency: 'van-phong-ubnd-tinh-qng', reason: 'Sáp nhập', by: 'admin' }] });
      await s.advanceTo((await s.now()) + 10 * DAY);
      await waiting.signal(guidanceIssuedSignal, { documentNumber: '2/2027/TT-BKHCN', date: vnDay(await s.now()), issuer: 'Bộ KH&CN' });
      await s.advanceTo((await s.now()) + 35 * DAY);
      await waiting.executeUpdate(completeUpdate, { args: [{ by: 'focal', evidence: 'Xong' }] });
      await waiting.result();
      await save(waiting, 'waiting-reassign');
      if (mergeRecording === 'merge') {
        const [y, m] = vnDay((await s.now()) + 150 * DAY).split('-').map(Number) as [number, number];
        const moved = await s.start(`${m}/${y}`, { taskId: 'II.8', agencyId: 'so-ngoai-vu' });
        const kept = await s.start(`${m}/${y}`, { taskId: 'II.8', agencyId: 'van-phong-ubnd-tinh-qng' });
        const due = (await s.state(moved)).dueDate!;
        await s.advanceTo(ladderOf(due, 0).find((step) => step.stepId === 'before-7d')!.at + HOUR);
        const reason = 'Sáp nhập Sở Ngoại vụ vào Văn phòng UBND tỉnh';
        await kept.executeUpdate(absorbMergedTaskUpdate, { args: [{ workflowId: moved.workflowId, agencyId: 'so-ngoai-vu', reason, timeline: await moved.query(timelineQuery), progressPercent: null, by: 'admin' }] });
        await moved.executeUpdate(closeAsMergedUpdate, { args: [{ continuesIn: kept.workflowId, toAgency: 'van-phong-ubnd-tinh-qng', reason, by: 'admin' }] });
        await moved.result();
        await s.advanceTo((await s.now()) + 10 * DAY);
        await kept.executeUpdate(completeUpdate, { args: [{ by: 'focal', evidence: 'Xong' }] });
        await kept.result();
        await save(moved, 'merge-closed');
        await save(kept, 'merge-absorbed');
      }
    } finally {
      await s.cleanUp();
      await s.stop();
      await env.teardown();
    }
  });
});

// A running workflow that moves to the status model: started on the code before it
// (DONDOC_RECORD_MIGRATION_FROM = a workflow bundle of that code), continued on today's.
const migrationFrom = process.env.DONDOC_RECORD_MIGRATION_FROM;
(migrationFrom ? describe : describe.skip)('recording a run that moves to the status model (DONDOC_RECORD_MIGRATION_FROM=<old bundle>)', () => {
  it('records a task begun before the patch and completed through a confirmed proposal after it', async () => {
    const env = await startTimeSkippingServer();
    const s = await createTaskScenario(env, 'migration', { withoutWorker: true });
    const worker = (bundle: string) =>
      Worker.create({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue: s.taskQueue, activities: activitiesFor(s.queue, env), workflowBundle: { codePath: bundle }, maxCachedWorkflows: 0 });
    try {
      const [y, m] = vnDay((await s.now()) + 150 * DAY).split('-').map(Number) as [number, number];
      const handle = await s.start(`${m}/${y}`, { catchUp: false });
      const old = await worker(migrationFrom!);
      const due = await old.runUntil(async () => {
        const state = await eventually(() => s.state(handle), (found) => found.dueDate !== null);
        await s.advanceTo(ladderOf(state.dueDate!, 0).find((step) => step.stepId === 'before-7d')!.at + HOUR);
        await eventually(async () => s.jobsOf(handle), (jobs) => jobs.length === 2);
        return state.dueDate!;
      });
      const current = await worker(process.env.DONDOC_TEST_WORKFLOW_BUNDLE!);
      await current.runUntil(async () => {
        await handle.executeUpdate(proposeCompletionUpdate, { args: [{ by: 'focal', result: 'Đã ban hành kế hoạch', evidence: 'Công văn 7/SYT' }] });
        await s.advanceTo(ladderOf(due, 0).find((step) => step.stepId === 'overdue-1wd')!.at + HOUR);
        await handle.executeUpdate(confirmCompletionUpdate, { args: [{ by: 'admin', comment: '' }] });
        await handle.result();
      });
      const history = await handle.fetchHistory();
      writeFileSync(path.join(FIXTURES, 'moved-to-status-model.json'), `${JSON.stringify(JSON.parse(historyToJson(history)))}\n`);
    } finally {
      await s.cleanUp();
      await env.teardown();
    }
  });
});

describe('task workflow: replay of recorded histories', () => {
  it('replays every recorded history with the current workflow code', async () => {
    const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const histories = files.map((file) => ({ workflowId: file.replace(/\.json$/, ''), history: historyFromJson(JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'))) }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: process.env.DONDOC_TEST_WORKFLOW_BUNDLE! } }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
