import { DeliveryStatsRepository } from '@dondoc/db';
import { ALL_TASK_STATUSES } from '@dondoc/domain';
import { Injectable, Logger } from '@nestjs/common';
import { Gauge, Histogram, Registry } from 'prom-client';

import { AppConfigService } from '../app-config.service';
import { NotificationQueueReader } from '../infrastructure/infrastructure.module';
import { cachedFor } from './cached-for';

import { TaskWorkflowsRepository } from '../tasks/task-workflows.repository';

/**
 * Prometheus metrics. Request latency is measured in-process; the rest is read
 * at scrape time from where the truth lives (visibility, delivery log, Redis),
 * so every API replica reports the same numbers and nothing drifts on restart.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger(MetricsService.name);

  readonly requestDuration = new Histogram({
    name: 'dondoc_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(
    workflows: TaskWorkflowsRepository,
    deliveries: DeliveryStatsRepository,
    notifications: NotificationQueueReader,
    config: AppConfigService,
  ) {
    const logger = this.logger;
    const ttl = config.values.METRICS_CACHE_SECONDS * 1000;
    const workflowCounts = cachedFor(ttl, () => Promise.all(ALL_TASK_STATUSES.map((status) => workflows.count({ statuses: [status] }).catch(() => Number.NaN))));
    const deliveryCounts = cachedFor(ttl, () => deliveries.countsByChannelAndStatus());
    const queueCounts = cachedFor(ttl, () =>
      Promise.all(
        [...notifications.queues].map(async ([name, queue]) => {
          try {
            return { name, counts: await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed') };
          } catch (error) {
            logger.warn(`depth of queue ${name} unavailable for metrics: ${String(error)}`);
            return { name, counts: null };
          }
        }),
      ),
    );
    new Gauge({
      name: 'dondoc_task_workflows',
      help: 'Task workflows by Đôn Đốc status (Temporal visibility counts)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const counts = await workflowCounts();
        ALL_TASK_STATUSES.forEach((status, i) => this.set({ status }, counts[i]!));
      },
    });
    const deliveryGauge = (name: string, help: string, statuses: readonly string[]) =>
      new Gauge({
        name,
        help,
        labelNames: ['channel'] as const,
        registers: [this.registry],
        async collect() {
          this.reset();
          try {
            for (const row of await deliveryCounts()) {
              if (statuses.includes(row.status)) this.inc({ channel: row.channel }, row.count);
            }
          } catch (error) {
            logger.warn(`delivery log unavailable for metrics: ${String(error)}`);
          }
        },
      });
    deliveryGauge('dondoc_reminders_sent', 'Reminder deliveries that succeeded (delivery log)', ['sent']);
    deliveryGauge('dondoc_delivery_failures', 'Reminder delivery attempts that failed (delivery log)', ['failed_permanent', 'failed_retryable', 'dead']);
    new Gauge({
      name: 'dondoc_notification_queue_jobs',
      help: 'Jobs in the BullMQ queues (dispatch, then one per channel) by state; failed jobs of a channel queue are its dead letters',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        for (const { name, counts } of await queueCounts()) {
          if (counts) for (const [state, count] of Object.entries(counts)) this.set({ queue: name, state }, count);
        }
      },
    });
  }
}

