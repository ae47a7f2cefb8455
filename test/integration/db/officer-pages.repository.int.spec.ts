// The officer pages' own tables: evidence files of tasks, and report drafts.
import { ReportDraftRepository, TaskEvidenceRepository } from '@dondoc/db';

import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';

jest.setTimeout(60_000);

const WORKFLOW = 'task/kh-nq03-2025/I.2/so-y-te';
const file = (sha: string, name = 'Báo cáo tiến độ.pdf') => ({
  workflowId: WORKFLOW,
  agencyId: 'so-y-te',
  fileName: name,
  contentType: 'application/pdf',
  sizeBytes: 1234,
  sha256: sha.repeat(64),
  path: `tasks/evidence/x/${sha.repeat(64)}.pdf`,
  uploadedBy: 'signed-link:so-y-te',
});

describe('officer pages repositories', () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase({ label: 'officer pages' });
  });

  afterAll(() => testDb.destroy());

  describe(TaskEvidenceRepository.name, () => {
    it('records a file once per content and lists only its task’s files', async () => {
      const sut = new TaskEvidenceRepository(testDb.db);
      const first = await sut.record(file('a'));
      expect(first).toMatchObject({ created: true, evidence: { fileName: 'Báo cáo tiến độ.pdf', sizeBytes: 1234, workflowId: WORKFLOW } });
      const again = await sut.record(file('a', 'tên khác.pdf'));
      expect(again).toEqual({ created: false, evidence: first.evidence });
      await sut.record({ ...file('b'), workflowId: 'task/kh-nq03-2025/I.3/so-y-te' });
      expect((await sut.list(WORKFLOW)).map((e) => e.sha256)).toEqual(['a'.repeat(64)]);
      expect(await sut.find(WORKFLOW, first.evidence.id)).toEqual(first.evidence);
      expect(await sut.find('task/kh-nq03-2025/I.3/so-y-te', first.evidence.id)).toBeNull();
      expect(await sut.find(WORKFLOW, 'not-a-number')).toBeNull();
    });

    it('refuses a workflow id that is not a task’s', async () => {
      await expect(new TaskEvidenceRepository(testDb.db).record({ ...file('c'), workflowId: 'report/kh/2026/so-y-te' })).rejects.toMatchObject({ code: '23514' });
    });
  });

  describe(ReportDraftRepository.name, () => {
    it('keeps one draft per agency and cycle, overwritten by each save, removed after submission', async () => {
      const sut = new ReportDraftRepository(testDb.db);
      expect(await sut.get('kh-ai-2025-2030', '2026', 'so-y-te')).toBeNull();
      await sut.save('kh-ai-2025-2030', '2026', 'so-y-te', { tasks: [{ taskId: '1', results: 'Bản đầu' }] }, 'signed-link:so-y-te', new Date('2026-11-02T03:00:00Z'));
      const saved = await sut.save('kh-ai-2025-2030', '2026', 'so-y-te', { tasks: [{ taskId: '1', results: 'Bản sửa' }], summary: 'Đã rà soát' }, 'signed-link:so-y-te', new Date('2026-11-03T03:00:00Z'));
      await sut.save('kh-ai-2025-2030', '2026', 'so-tai-chinh', { tasks: [] }, 'signed-link:so-tai-chinh');
      expect(await sut.get('kh-ai-2025-2030', '2026', 'so-y-te')).toEqual(saved);
      expect(saved).toMatchObject({ payload: { tasks: [{ taskId: '1', results: 'Bản sửa' }], summary: 'Đã rà soát' }, savedAt: new Date('2026-11-03T03:00:00Z') });
      await sut.remove('kh-ai-2025-2030', '2026', 'so-y-te');
      expect(await sut.get('kh-ai-2025-2030', '2026', 'so-y-te')).toBeNull();
      expect(await sut.get('kh-ai-2025-2030', '2026', 'so-tai-chinh')).not.toBeNull();
    });
  });
});
