export { CYCLE_KEY_PATTERN, type ReportCycleStatus, type ReportDocument, type ReportGeneration, type ReportReview, ReportService, type ReportServiceDeps } from './report-service';
export {
  checkEvidenceHeaders,
  checkEvidenceUpload,
  EVIDENCE_FILE_LIMIT,
  EVIDENCE_TOTAL_LIMIT,
  EVIDENCE_TYPES,
  type EvidenceUpload,
  ReportEvidenceService,
} from './report-evidence';
