import { type CalendarOverrides, WorkingCalendar } from '@dondoc/calendar';

/** The working-day calendar inside the workflow sandbox: pure code over the overrides passed as input. */
export function createWorkflowCalendar(overrides: readonly CalendarOverrides[]): WorkingCalendar {
  return new WorkingCalendar({ overrides });
}
