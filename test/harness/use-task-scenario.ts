// The hooks every time-skipping task test file repeated: one server and one
// scenario for the file, what each test started terminated after it.
import { createTaskScenario, type ScenarioOptions, type TaskScenario } from './task-scenario';
import { startTimeSkippingServer } from './temporal';

/**
 * Registers beforeAll/afterEach/afterAll for a time-skipping server and a task
 * scenario, and returns the scenario. Its members reach the scenario the
 * beforeAll created, so use them inside tests and hooks only.
 */
export function useTaskScenario(prefix: string, options: ScenarioOptions = {}): TaskScenario {
  let scenario: TaskScenario | undefined;
  let teardown: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const env = await startTimeSkippingServer();
    teardown = () => env.teardown();
    scenario = await createTaskScenario(env, prefix, options);
  });
  afterEach(() => scenario?.cleanUp());
  afterAll(async () => {
    await scenario?.stop();
    await teardown?.();
  });

  const current = (): TaskScenario => {
    if (!scenario) throw new Error(`useTaskScenario(${prefix}): the scenario exists only inside tests and hooks`);
    return scenario;
  };
  return {
    get env() {
      return current().env;
    },
    get queue() {
      return current().queue;
    },
    get taskQueue() {
      return current().taskQueue;
    },
    start: (deadlineText, overrides) => current().start(deadlineText, overrides),
    jobsOf: (handle) => current().jobsOf(handle),
    state: (handle) => current().state(handle),
    advanceTo: (instant) => current().advanceTo(instant),
    now: () => current().now(),
    cleanUp: () => current().cleanUp(),
    stop: () => current().stop(),
  };
}
