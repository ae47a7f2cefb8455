import { type NotificationJob, reminderKey, type TaskWorkflowInput, type TimelineEvent, type TimelineEventType } from '@dondoc/contracts';
import type { LadderStep } from '@dondoc/policy';
import { workflowInfo } from '@temporalio/workflow';

import type { Activities } from '@dondoc/activities';

import { settledKey } from './task-clock';
import { dueDateOf, type TaskRun } from './task-run';

type Record = (type: TimelineEventType, detail: string, extra?: Partial<TimelineEvent>) => void;
type QueueActivities = Pick<Activities, 'enqueueNotification' | 'ensureNotificationQueued'>;

/** Hands a ladder step to the notification queue (idempotency key: workflow, due date, step) and notes it in the timeline. */
export function createSender(run: TaskRun, input: TaskWorkflowInput, record: Record, queue: QueueActivities, handedOver: (job: NotificationJob) => void) {
  const { workflowId } = workflowInfo();

  async function send(step: LadderStep, catchUp: boolean, scheduledFor = step.at): Promise<void> {
    const due = dueDateOf(run)!;
    const idempotencyKey = reminderKey(workflowId, due, step.stepId);
    run.settled.add(settledKey(due, step.stepId));
    const job: NotificationJob = {
      idempotencyKey,
      template: catchUp ? 'catch-up' : step.template,
      workflowId,
      planId: input.planId,
      taskId: input.taskId,
      agencyId: run.agencyId,
      cycle: run.cycleIndex,
      stepId: step.stepId,
      recipients: step.recipients.map((r) => ({ role: r.role, channels: [...r.channels] })),
      data: { taskName: input.taskName, planTitle: input.planTitle, dueDate: due, daysLeft: step.daysLeft, deadlineText: input.deadline.raw },
      scheduledFor,
    };
    const result = await queue.enqueueNotification(job);
    handedOver(job);
    const roles = step.recipients.map((r) => r.role).join(', ');
    record(catchUp ? 'catch-up-sent' : 'reminder-sent', `${step.stepId} (${roles})${result.enqueued ? '' : ' – đã có trong hàng đợi'}`, {
      stepId: step.stepId,
      idempotencyKey,
    });
  }

  /** A day after a hand-over: the queue is asked again, so a lost entry is not a lost reminder. */
  async function recheck(job: NotificationJob): Promise<void> {
    const { enqueued } = await queue.ensureNotificationQueued(job);
    if (enqueued) record('reminder-sent', `${job.stepId}: hàng đợi đã mất thư nhắc; giao lại cùng mã`, { stepId: job.stepId, idempotencyKey: job.idempotencyKey });
  }

  return { send, recheck };
}
