// Shared plumbing of the task workflow acceptance tests: one worker per test file
// on its own task queue, a recording notification queue, starting tasks the way
// the API does, moving the time-skipping clock, and the expectations the pure
// ladder gives (the same functions the workflow and `dondoc simulate` use).
import { createActivities } from '@dondoc/activities';
import { type NotificationJob, stateQuery, type TaskState, type TaskWorkflowInput, taskWorkflowId } from '@dondoc/contracts';
import { WorkingCalendar } from '@dondoc/calendar';
import type { IsoDate } from '@dondoc/domain';
import { buildLadder, catchUpSpacingEnd, deferredSteps, type LadderStep, vietnamDate } from '@dondoc/policy';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';

import type { taskWorkflow } from '@dondoc/workflows';

import { RecordingNotificationQueue } from './recording-queue';
import { loadSeedPolicy, taskInput } from './task-input';
import { createTestWorker, uniqueTaskQueue } from './temporal';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export type TaskHandle = WorkflowHandle<typeof taskWorkflow>;

/** The Vietnamese civil date of an instant. */
export const vnDay = (instant: number): IsoDate => vietnamDate(instant);
/** An instant on a Vietnamese civil date, at local wall-clock time. */
export const vnTime = (date: IsoDate, time = '12:00'): number => Date.parse(`${date}T${time}:00+07:00`);
/** The Vietnamese year of an instant. */
export const vnYear = (instant: number): number => Number(vietnamDate(instant).slice(0, 4));

/** The calendar the tests' task inputs use (no announced overrides). */
export const testCalendar = new WorkingCalendar({ overrides: [] });

/** The pure ladder of a due date under the default policy. */
export function ladderOf(due: IsoDate, repeatsUntil: number): LadderStep[] {
  return buildLadder(due, loadSeedPolicy(), testCalendar, repeatsUntil);
}

/** `step@day` of the ladder steps whose instant lies in (after, until]. */
export function ladderBetween(due: IsoDate, after: number, until: number): string[] {
  return ladderOf(due, until)
    .filter((step) => step.at > after && step.at <= until)
    .map((step) => `${step.stepId}@${step.day}`);
}

/**
 * `step@day` of what follows a catch-up sent at `catchUpAt`: the ladder steps in (after, until],
 * those within a working day of the catch-up held back to the end of that spacing (only the
 * latest of them sent then), as the workflow does.
 */
export function ladderAfterCatchUp(due: IsoDate, catchUpAt: number, after: number, until: number): string[] {
  const notBefore = catchUpSpacingEnd(catchUpAt, testCalendar, loadSeedPolicy());
  const steps = ladderOf(due, until).filter((step) => step.at > after && step.at <= until && Math.max(step.at, notBefore) <= until);
  return deferredSteps(steps, notBefore).send.map((step) => `${step.stepId}@${vnDay(Math.max(step.at, notBefore))}`);
}

/** `step@day` of jobs, the day being the Vietnamese date of the instant the ladder meant. */
export const stepsOf = (jobs: readonly NotificationJob[]): string[] => jobs.map((j) => `${j.stepId}@${vnDay(j.scheduledFor)}`);

/** A month deadline ("m/yyyy") about five months ahead of the server clock, so every ladder step lies in the future. */
export async function deadlineMonthAhead(clock: { now(): Promise<number> }, days = 150): Promise<string> {
  const [y, m] = vnDay((await clock.now()) + days * DAY).split('-').map(Number) as [number, number];
  return `${m}/${y}`;
}

/** Polls until `read` returns a value `accept` likes (queries and visibility settle shortly after updates). */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The message of an update's rejection (validator or handler failure), or fails the test. */
export async function rejectionOf(pending: Promise<unknown>): Promise<string> {
  try {
    await pending;
  } catch (error) {
    const cause = (error as { cause?: Error }).cause;
    return cause?.message ?? (error as Error).message;
  }
  throw new Error('the update was accepted');
}

export interface TaskScenario {
  readonly env: TestWorkflowEnvironment;
  readonly queue: RecordingNotificationQueue;
  readonly taskQueue: string;
  /** Starts a task workflow; the handle follows continue-as-new (no run id pinned). */
  start(deadlineText: string, overrides?: Partial<TaskWorkflowInput>): Promise<TaskHandle>;
  /** Jobs one workflow handed over, in order. */
  jobsOf(handle: TaskHandle): NotificationJob[];
  state(handle: TaskHandle): Promise<TaskState>;
  /** Time-skipping only: moves the server clock to `instant` (never backwards). */
  advanceTo(instant: number): Promise<void>;
  now(): Promise<number>;
  /** Terminates what this test started, so later tests' time skips do not drive it. */
  cleanUp(): Promise<void>;
  stop(): Promise<void>;
}

export interface ScenarioOptions {
  /** Start without a worker (the test runs its own). */
  readonly withoutWorker?: boolean;
  /** The delivery side never reports outcomes back (a lost queue entry). */
  readonly withoutOutcomes?: boolean;
}

let taskCounter = 0;

/** One worker (running in the background) and one recording queue for a test file. */
export async function createTaskScenario(env: TestWorkflowEnvironment, prefix: string, options: ScenarioOptions = {}): Promise<TaskScenario> {
  const queue = new RecordingNotificationQueue(options.withoutOutcomes ? undefined : env.client);
  const taskQueue = uniqueTaskQueue(prefix);
  const worker = options.withoutWorker ? undefined : await createTestWorker(env, taskQueue, activitiesFor(queue, env));
  const running = worker?.run();
  let started: TaskHandle[] = [];

  return {
    env,
    queue,
    taskQueue,
    async start(deadlineText, overrides = {}) {
      const input = taskInput(deadlineText, { taskId: `${prefix}-${taskCounter++}`, ...overrides });
      const workflowId = taskWorkflowId(input.planId, `${input.taskId}-${taskQueue}`, input.agencyId);
      await env.client.workflow.start<typeof taskWorkflow>('taskWorkflow', {
        taskQueue,
        workflowId,
        args: [input],
        searchAttributes: { DondocPlan: [input.planId], DondocTask: [input.taskId], DondocAgency: [input.agencyId], DondocStatus: ['active'] },
      });
      const handle = env.client.workflow.getHandle<typeof taskWorkflow>(workflowId);
      started.push(handle);
      return handle;
    },
    jobsOf: (handle) => queue.jobs.filter((job) => job.workflowId === handle.workflowId),
    state: (handle) => handle.query(stateQuery),
    async advanceTo(instant) {
      const now = await env.currentTimeMs();
      if (instant > now) await env.sleep(instant - now);
    },
    now: () => env.currentTimeMs(),
    async cleanUp() {
      const handles = started;
      started = [];
      await Promise.all(handles.map((handle) => handle.terminate('test over').catch(() => undefined)));
    },
    async stop() {
      worker?.shutdown();
      await running;
    },
  };
}

export function activitiesFor(queue: RecordingNotificationQueue, env: TestWorkflowEnvironment) {
  return createActivities({ probes: { database: async () => {}, redis: async () => {} }, notifications: queue, temporal: env.client });
}

/**
 * A worker without a workflow cache. A cached (sticky) workflow's next task goes
 * to that worker's own queue first, and the time-skipping server, whose clock is
 * locked while a task waits, never times that queue out: a worker that is to be
 * stopped mid-ladder must not keep workflows sticky.
 */
export function createNonStickyTestWorker(env: TestWorkflowEnvironment, taskQueue: string, activities: object): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    activities,
    workflowBundle: { codePath: process.env.DONDOC_TEST_WORKFLOW_BUNDLE! },
    maxCachedWorkflows: 0,
  });
}
