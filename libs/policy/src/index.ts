export { type Cycle, type CycleContext, cyclesOf, DEFAULT_REPORT_DAY } from './cycles';
export { type DeadlineDistance, deadlineDistanceAt, signedDaysLeft } from './deadline-distance';
export {
  type AfterStep,
  type BeforeStep,
  type EscalationPolicy,
  type PolicyRecipient,
  type RepeatRule,
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
