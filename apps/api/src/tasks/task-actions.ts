import {
  acknowledgeUpdate,
  cancelUpdate,
  completeUpdate,
  confirmCompletionUpdate,
  extendDeadlineUpdate,
  pauseUpdate,
  proposeCompletionUpdate,
  reassignUpdate,
  reportProgressUpdate,
  resumeUpdate,
  returnCompletionUpdate,
  type TaskState,
} from '@dondoc/contracts';
import type { StaffRole } from '@dondoc/auth';
import type { WorkflowHandle } from '@temporalio/client';
import type { z } from 'zod';

import {
  completeSchema,
  confirmCompletionSchema,
  emptySchema,
  extendSchema,
  progressSchema,
  proposeCompletionSchema,
  reasonSchema,
  reassignSchema,
  returnCompletionSchema,
} from './task.schemas';

// Each action of POST /tasks/:id/<action>: its body, who may do it, and the
// workflow Update it becomes. The workflow's validators have the last word on state.

interface ActionSpec<S extends z.ZodType> {
  readonly schema: S;
  readonly roles: readonly StaffRole[];
  readonly summary: string;
  run(handle: WorkflowHandle, by: string, body: z.infer<S>): Promise<TaskState>;
}

const spec = <S extends z.ZodType>(s: ActionSpec<S>) => s;
const adminOnly: readonly StaffRole[] = ['admin'];
const agencyToo: readonly StaffRole[] = ['admin', 'officer'];

export const TASK_ACTIONS = {
  acknowledge: spec({
    schema: emptySchema,
    roles: agencyToo,
    summary: 'Cơ quan chủ trì xác nhận đã tiếp nhận nhiệm vụ',
    run: (handle, by) => handle.executeUpdate(acknowledgeUpdate, { args: [{ by }] }),
  }),
  progress: spec({
    schema: progressSchema,
    roles: agencyToo,
    summary: 'Báo cáo tiến độ (tỷ lệ và nội dung)',
    run: (handle, by, body) => handle.executeUpdate(reportProgressUpdate, { args: [{ by, percent: body.percent, note: body.note }] }),
  }),
  'propose-completion': spec({
    schema: proposeCompletionSchema,
    roles: agencyToo,
    summary: 'Cơ quan chủ trì đề nghị hoàn thành (kết quả và minh chứng); Sở KH&CN xác nhận, trừ khi kế hoạch có completion: self',
    run: (handle, by, body) => handle.executeUpdate(proposeCompletionUpdate, { args: [{ by, result: body.result, evidence: body.evidence }] }),
  }),
  'confirm-completion': spec({
    schema: confirmCompletionSchema,
    roles: adminOnly,
    summary: 'Sở KH&CN xác nhận đề nghị hoàn thành (ngày hoàn thành là ngày đề nghị)',
    run: (handle, by, body) => handle.executeUpdate(confirmCompletionUpdate, { args: [{ by, comment: body.comment }] }),
  }),
  'return-completion': spec({
    schema: returnCompletionSchema,
    roles: adminOnly,
    summary: 'Sở KH&CN trả lại đề nghị hoàn thành kèm ý kiến; nhắc việc tiếp tục như trước',
    run: (handle, by, body) => handle.executeUpdate(returnCompletionUpdate, { args: [{ by, comment: body.comment }] }),
  }),
  complete: spec({
    schema: completeSchema,
    roles: adminOnly,
    summary: 'Sở KH&CN ghi nhận hoàn thành trực tiếp, kèm minh chứng (ngày hoàn thành là hôm nay)',
    run: (handle, by, body) => handle.executeUpdate(completeUpdate, { args: [{ by, evidence: body.evidence }] }),
  }),
  extend: spec({
    schema: extendSchema,
    roles: adminOnly,
    summary: 'Gia hạn thời hạn (Sở KH&CN)',
    run: (handle, by, body) =>
      handle.executeUpdate(extendDeadlineUpdate, { args: [{ newDue: body.newDue, reason: body.reason, approvedBy: body.approvedBy || by }] }),
  }),
  reassign: spec({
    schema: reassignSchema,
    roles: adminOnly,
    summary: 'Chuyển nhiệm vụ cho cơ quan khác',
    run: (handle, by, body) => handle.executeUpdate(reassignUpdate, { args: [{ by, toAgency: body.toAgency, reason: body.reason }] }),
  }),
  pause: spec({
    schema: reasonSchema,
    roles: adminOnly,
    summary: 'Tạm dừng nhắc việc',
    run: (handle, by, body) => handle.executeUpdate(pauseUpdate, { args: [{ by, reason: body.reason }] }),
  }),
  resume: spec({
    schema: emptySchema,
    roles: adminOnly,
    summary: 'Tiếp tục nhắc việc',
    run: (handle, by) => handle.executeUpdate(resumeUpdate, { args: [{ by }] }),
  }),
  cancel: spec({
    schema: reasonSchema,
    roles: adminOnly,
    summary: 'Hủy nhiệm vụ',
    run: (handle, by, body) => handle.executeUpdate(cancelUpdate, { args: [{ by, reason: body.reason }] }),
  }),
} as const;

export type TaskActionName = keyof typeof TASK_ACTIONS;
export type TaskActionBody<A extends TaskActionName> = z.infer<(typeof TASK_ACTIONS)[A]['schema']>;
