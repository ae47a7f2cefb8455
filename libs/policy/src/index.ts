export { catchUpSpacingEnd, deferredSteps } from './catch-up-spacing';
export { type Cycle, type CycleContext, cyclesOf, DEFAULT_REPORT_DAY } from './cycles';
export { type DeadlineDistance, deadlineDistanceAt, signedDaysLeft } from './deadline-distance';
export {
  type AfterStep,
  type BeforeStep,
  DEFAULT_LATE_REQUEST_GRACE_WORKING_DAYS,
  DEFAULT_SIGN_OFF_WORKING_DAYS,
  type EscalationPolicy,
  lateRequestGraceWorkingDays,
  type PolicyRecipient,
  type RepeatRule,
  type ReportPolicy,
  type StepPhase,
  templateOfPhase,
} from './escalation-policy';
export { buildLadder, type LadderPosition, type LadderStep, positionAt } from './ladder';
export {
  addCalendarDays,
  calendarDaysBetween,
  vietnamDate,
  vietnamInstant,
  type WorkingDayCalendar,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from './working-calendar';
