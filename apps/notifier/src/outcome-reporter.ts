// Tells the task workflow what became of each delivery. Never blocks or fails
// a delivery: the e-mail is out either way, and a lost signal is covered by the
// workflow re-sending with the same key (a no-op in the queue).
import { type DeliveryOutcome, deliveryOutcomeSignal } from '@dondoc/contracts';
import { Client, Connection } from '@temporalio/client';

export interface OutcomeReporter {
  report(workflowId: string, outcome: DeliveryOutcome): void;
  /** Waits (bounded) for signals still in flight. */
  close(): Promise<void>;
}

export type NotifierLog = (line: string) => void;

export class TemporalOutcomeReporter implements OutcomeReporter {
  private readonly connection: Connection;
  private readonly client: Client;
  private readonly inflight = new Set<Promise<void>>();

  constructor(address: string, namespace: string, private readonly log: NotifierLog) {
    // Lazy: the notifier delivers even while Temporal is down.
    this.connection = Connection.lazy({ address });
    this.client = new Client({ connection: this.connection, namespace });
  }

  report(workflowId: string, outcome: DeliveryOutcome): void {
    // A deadline, so an unreachable Temporal cannot pile up signals forever.
    const signal = this.connection
      .withDeadline(Date.now() + 10_000, () => this.client.workflow.getHandle(workflowId).signal(deliveryOutcomeSignal, outcome))
      .catch((error: Error) => this.log(`could not signal ${workflowId} (${outcome.idempotencyKey} ${outcome.channel} ${outcome.status}): ${error.message}`));
    this.inflight.add(signal);
    void signal.finally(() => this.inflight.delete(signal));
  }

  async close(): Promise<void> {
    await Promise.race([Promise.allSettled([...this.inflight]), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    // Closing the channel under calls still waiting for an unreachable server
    // makes grpc-js throw from a timer; those signals are abandoned with the process.
    if (this.inflight.size === 0) await this.connection.close().catch(() => undefined);
    else this.log(`abandoning ${this.inflight.size} outcome signal(s) Temporal did not take; the workflows re-send if they need to`);
  }
}

/** Keeps outcomes in memory: for tests and the benchmark, which run without Temporal. */
export class RecordingOutcomeReporter implements OutcomeReporter {
  readonly outcomes: Array<{ workflowId: string } & DeliveryOutcome> = [];
  report(workflowId: string, outcome: DeliveryOutcome): void {
    this.outcomes.push({ workflowId, ...outcome });
  }
  async close(): Promise<void> {}
}
