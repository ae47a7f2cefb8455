// Between the report form's fields and the API's report: the form holds one
// entry per task and indicator in the page's order; the API wants them with
// their ids, evidence as a list, and names a refused field by its path.
import type { ReportAnswers, ReportLinkView } from './officer-api';

type TaskStatusValue = ReportLinkView['taskStatuses'][number]['value'];

export interface TaskFields {
  status?: TaskStatusValue | null;
  percent?: number | null;
  results?: string;
  difficulties?: string;
  proposals?: string;
  /** Document numbers or links, one per line. */
  evidenceText?: string;
}

export interface IndicatorFields {
  achieved?: string;
  note?: string;
}

export interface ReportFormValues {
  tasks: TaskFields[];
  indicators: IndicatorFields[];
  summary?: string;
}

/** The form's first values: the saved draft or last submission, matched by id, blank for anything new. */
export function initialFormValues(view: Pick<ReportLinkView, 'tasks' | 'indicators' | 'answers'>): ReportFormValues {
  const answers: ReportAnswers | null = view.answers;
  return {
    tasks: view.tasks.map((task) => {
      const answer = answers?.tasks?.find((t) => t.taskId === task.id);
      return {
        status: answer?.status ?? null,
        percent: answer?.percent ?? null,
        results: answer?.results ?? '',
        difficulties: answer?.difficulties ?? '',
        proposals: answer?.proposals ?? '',
        evidenceText: (answer?.evidence ?? []).join('\n'),
      };
    }),
    indicators: view.indicators.map((indicator) => {
      const answer = answers?.indicators?.find((i) => i.indicatorId === indicator.id);
      return { achieved: answer?.achieved ?? '', note: answer?.note ?? '' };
    }),
    summary: answers?.summary ?? '',
  };
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The report as the API takes it (a draft may leave fields empty; a submission is checked by the API). */
export function reportOf(view: Pick<ReportLinkView, 'tasks' | 'indicators'>, values: ReportFormValues): ReportAnswers {
  return {
    tasks: view.tasks.map((task, index) => {
      const fields = values.tasks?.[index] ?? {};
      return {
        taskId: task.id,
        status: fields.status ?? null,
        percent: fields.percent ?? null,
        results: fields.results ?? '',
        difficulties: fields.difficulties ?? '',
        proposals: fields.proposals ?? '',
        evidence: lines(fields.evidenceText),
      };
    }),
    indicators: view.indicators.map((indicator, index) => ({ indicatorId: indicator.id, achieved: values.indicators?.[index]?.achieved ?? '', note: values.indicators?.[index]?.note ?? '' })),
    summary: values.summary ?? '',
  };
}

/** Where an API issue belongs on the form: "tasks.2.results" → ["tasks", 2, "results"]; whole-list issues stay above the buttons. */
export function formFieldOf(apiField: string): (string | number)[] | null {
  const path = apiField.replace(/^report\./, '').split('.');
  if (path[0] === 'summary' && path.length === 1) return ['summary'];
  if ((path[0] !== 'tasks' && path[0] !== 'indicators') || path.length < 3 || !/^\d+$/.test(path[1]!)) return null;
  const field = path[2] === 'evidence' ? 'evidenceText' : path[2]!;
  if (path[0] === 'tasks' && field === 'taskId') return null;
  if (path[0] === 'indicators' && field === 'indicatorId') return null;
  return [path[0], Number(path[1]), field];
}
