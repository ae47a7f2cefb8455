import { z } from 'zod';

export { evidenceIdSchema } from '../reports/reports.schemas';

export const taskEvidenceSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  agencyId: z.string(),
  fileName: z.string().describe('Tên tệp như khi tải lên'),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
  created: z.boolean().optional().describe('Khi tải lên: false nếu đúng tệp này đã có'),
});
export const taskEvidenceListSchema = z.object({ items: z.array(taskEvidenceSchema) });
