import { calendarDateProblem } from '@dondoc/calendar';
import { guidanceDateProblem } from '@dondoc/contracts';
import { vietnamDate } from '@dondoc/policy';
import { InvalidArgumentError } from 'commander';

// Date options of every command are checked as the API checks them, before any
// request or computation: commander names the option in its message.

/** A YYYY-MM-DD day in a year the working-day calendar covers (2021–2199). */
export function calendarDateOption(text: string): string {
  const problem = calendarDateProblem(text);
  if (problem) throw new InvalidArgumentError(problem);
  return text;
}

/** A guidance document's date: a calendar day, not after today, at most five years back. */
export function guidanceDateOption(text: string): string {
  const problem = guidanceDateProblem(text, vietnamDate(Date.now()));
  if (problem) throw new InvalidArgumentError(problem);
  return text;
}
