export { CYCLE_KEY_PATTERN, type ReportDocument, ReportService, type ReportServiceDeps } from './report-service';
