import {
  completeUpdate,
  type CompletionRecord,
  type CompletionReview,
  confirmCompletionUpdate,
  proposeCompletionUpdate,
  returnCompletionUpdate,
  type TaskState,
} from '@dondoc/contracts';
import type { DeadlineKind } from '@dondoc/domain';
import { vietnamDate } from '@dondoc/policy';
import { setHandler } from '@temporalio/workflow';

import { completionEndsTask, daysLateOn } from './task-clock';
import type { HandlerContext } from './task-handlers';
import { dueDateOf, type TaskRun } from './task-run';

// Completion of a cycle: the agency proposes (with result and evidence), Sở KH&CN
// confirms (the completion date is the proposal's) or returns it with a comment
// (the ladder resumes where it stood); a plan with `completion: self` takes the
// proposal as the completion; an admin may also complete a task directly.

const lateness = (daysLate: number) => (daysLate > 0 ? `quá hạn ${daysLate} ngày` : 'đúng hạn');

function completeCycle(run: TaskRun, deadlineKind: DeadlineKind, completion: CompletionRecord): void {
  run.completion = completion;
  run.proposal = null;
  run.progressPercent = 100;
  run.cycleClosed = true;
  run.completed = completionEndsTask(deadlineKind, run.cycleIndex, run.cycles.length);
}

export interface CompletionHandlerContext extends HandlerContext {
  touch(): TaskState;
  rejectIfFinal(): void;
}

export function registerCompletionHandlers(run: TaskRun, { deadlineKind, record, adoptStatusModel, touch, rejectIfFinal }: CompletionHandlerContext): void {
  const rejectIfNotStarted = () => {
    if (!run.cycle) throw new Error('Nhiệm vụ chưa bắt đầu (đang chờ văn bản hướng dẫn của Trung ương).');
  };
  const rejectIfNoProposal = () => {
    if (!run.proposal) throw new Error('Không có đề nghị hoàn thành nào đang chờ xác nhận.');
  };
  const today = () => vietnamDate(Date.now());

  setHandler(
    completeUpdate,
    ({ by, evidence }) => {
      adoptStatusModel();
      const [on, dueDate] = [today(), dueDateOf(run)!];
      const daysLate = daysLateOn(dueDate, on);
      record('completed', `Hoàn thành ${lateness(daysLate)}: ${evidence} (${by})`);
      completeCycle(run, deadlineKind, { on, dueDate, daysLate, by, confirmedBy: null });
      return touch();
    },
    {
      validator: ({ evidence }) => {
        rejectIfFinal();
        rejectIfNotStarted();
        if (!evidence?.trim()) throw new Error('Cần minh chứng hoàn thành (số văn bản, đường dẫn…).');
      },
    },
  );
  setHandler(
    proposeCompletionUpdate,
    ({ by, result, evidence }) => {
      adoptStatusModel();
      const now = Date.now();
      const [on, dueDate] = [vietnamDate(now), dueDateOf(run)!];
      const daysLate = daysLateOn(dueDate, on);
      const what = `${result}; minh chứng: ${evidence}`;
      if (run.completionMode === 'self') {
        record('completed', `Hoàn thành ${lateness(daysLate)} (kế hoạch không yêu cầu xác nhận): ${what} (${by})`);
        completeCycle(run, deadlineKind, { on, dueDate, daysLate, by, confirmedBy: null });
      } else {
        run.proposal = { by, result, evidence, at: now, on, dueDate, daysLate };
        record('completion-proposed', `Đề nghị hoàn thành (${lateness(daysLate)}): ${what} (${by}); chờ Sở KH&CN xác nhận`);
      }
      return touch();
    },
    {
      validator: ({ result, evidence }) => {
        rejectIfFinal();
        rejectIfNotStarted();
        if (run.proposal) throw new Error('Đã có đề nghị hoàn thành đang chờ Sở KH&CN xác nhận.');
        if (!result?.trim()) throw new Error('Cần kết quả thực hiện.');
        if (!evidence?.trim()) throw new Error('Cần minh chứng hoàn thành (số văn bản, đường dẫn…).');
      },
    },
  );
  setHandler(
    confirmCompletionUpdate,
    ({ by, comment }) => {
      adoptStatusModel();
      const proposal = run.proposal!;
      const remark = comment?.trim() ? `: ${comment}` : '';
      record('completion-confirmed', `Xác nhận hoàn thành ${lateness(proposal.daysLate)}, ngày hoàn thành ${proposal.on}${remark} (${by})`);
      completeCycle(run, deadlineKind, { on: proposal.on, dueDate: proposal.dueDate, daysLate: proposal.daysLate, by: proposal.by, confirmedBy: by });
      return touch();
    },
    {
      validator: (_review: CompletionReview) => {
        rejectIfFinal();
        rejectIfNoProposal();
      },
    },
  );
  setHandler(
    returnCompletionUpdate,
    ({ by, comment }) => {
      adoptStatusModel();
      run.proposal = null;
      record('completion-returned', `Trả lại đề nghị hoàn thành: ${comment} (${by}); tiếp tục nhắc việc`);
      return touch();
    },
    {
      validator: ({ comment }) => {
        rejectIfFinal();
        rejectIfNoProposal();
        if (!comment?.trim()) throw new Error('Cần nêu nội dung cần bổ sung khi trả lại đề nghị hoàn thành.');
      },
    },
  );
}
