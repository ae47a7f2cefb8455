// Evidence files attached to an agency's report: checked (name, type, size,
// the content's own signature), stored under the data folder by content hash,
// recorded with size and sha256 in the database. Shared by the API and the CLI.
import { type Database, type ReportEvidence, ReportEvidenceRepository } from '@dondoc/db';
import { ConflictError, InvalidInputError, NotFoundError, TooLargeError, UnsupportedTypeError } from '@dondoc/domain';
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { ReportService } from './report-service';

/** @defaultValue 10 MB per file */
export const EVIDENCE_FILE_LIMIT = 10 * 1024 * 1024;
/** Every file of one agency's report in one cycle together. @defaultValue 30 MB */
export const EVIDENCE_TOTAL_LIMIT = 30 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** What an agency may attach: documents and photos, each with its extensions and the bytes its content starts with. */
export const EVIDENCE_TYPES: Readonly<Record<string, { readonly extensions: readonly string[]; readonly magic: readonly number[] }>> = {
  'application/pdf': { extensions: ['.pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['.docx'], magic: ZIP },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['.xlsx'], magic: ZIP },
  'image/jpeg': { extensions: ['.jpg', '.jpeg'], magic: [0xff, 0xd8, 0xff] },
  'image/png': { extensions: ['.png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
};
const ALLOWED = 'PDF, DOCX, XLSX, JPEG hoặc PNG';
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export interface EvidenceUpload {
  readonly fileName: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/** The upload's name and type, checked before its body is read. Returns the name as stored (NFC, trimmed). */
export function checkEvidenceHeaders(fileName: string | undefined, contentType: string | undefined, declaredLength?: number): { fileName: string; contentType: string } {
  const name = (fileName ?? '').normalize('NFC').trim();
  if (!name) throw new InvalidInputError('Cần tên tệp minh chứng.', { issues: [{ field: 'fileName', reason: 'required' }] });
  if (name.length > 200 || /[/\\\u0000-\u001f]/u.test(name) || name === '.' || name === '..') {
    throw new InvalidInputError(`Tên tệp "${name.slice(0, 60)}" không hợp lệ (tối đa 200 ký tự, không chứa "/" hay "\\").`, { issues: [{ field: 'fileName', reason: 'invalid' }] });
  }
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const accepted = EVIDENCE_TYPES[type];
  if (!accepted) throw new UnsupportedTypeError(`Tệp minh chứng phải là ${ALLOWED}; không nhận kiểu "${type || 'không rõ'}".`, { contentType: type });
  if (!accepted.extensions.includes(path.extname(name).toLowerCase())) {
    throw new UnsupportedTypeError(`Tên tệp "${name}" không khớp kiểu ${type} (cần đuôi ${accepted.extensions.join(' hoặc ')}).`, { contentType: type });
  }
  if (declaredLength !== undefined && declaredLength > EVIDENCE_FILE_LIMIT) throw tooLarge(name);
  return { fileName: name, contentType: type };
}

/** The whole upload: name and type as above, then a body that is not empty, within the limit, and really of that type. */
export function checkEvidenceUpload(upload: EvidenceUpload): { fileName: string; contentType: string } {
  const { fileName, contentType } = checkEvidenceHeaders(upload.fileName, upload.contentType);
  if (upload.data.length === 0) throw new InvalidInputError(`Tệp minh chứng "${fileName}" rỗng.`, { issues: [{ field: 'body', reason: 'empty' }] });
  if (upload.data.length > EVIDENCE_FILE_LIMIT) throw tooLarge(fileName);
  const magic = EVIDENCE_TYPES[contentType]!.magic;
  if (!magic.every((byte, i) => upload.data[i] === byte)) throw new UnsupportedTypeError(`Nội dung tệp "${fileName}" không phải là tệp ${contentType} hợp lệ.`, { contentType });
  return { fileName, contentType };
}

const tooLarge = (name: string) => new TooLargeError(`Tệp minh chứng "${name}" vượt quá ${mb(EVIDENCE_FILE_LIMIT)}; vui lòng nén hoặc chia nhỏ tệp.`, { limitBytes: EVIDENCE_FILE_LIMIT });

export class ReportEvidenceService {
  constructor(private readonly deps: { readonly db: Kysely<Database>; readonly dataDir: string; readonly reports: ReportService }) {}

  /** Stores a file for an agency that reports in the cycle, until the cycle closes. */
  async add(planId: string, cycleKey: string, agencyId: string, upload: EvidenceUpload, by: string): Promise<{ evidence: ReportEvidence; created: boolean }> {
    const { fileName, contentType } = checkEvidenceUpload(upload);

    const { state } = await this.deps.reports.agency(planId, cycleKey, agencyId);
    if (state.closed) throw new ConflictError(`Kỳ báo cáo ${cycleKey} đã khóa sổ; không thể đính kèm thêm minh chứng.`);
    const repository = new ReportEvidenceRepository(this.deps.db);
    const sha256 = createHash('sha256').update(upload.data).digest('hex');
    const existing = await repository.list(planId, cycleKey, agencyId);
    const known = existing.find((e) => e.sha256 === sha256);
    if (known) return { evidence: known, created: false };
    const total = existing.reduce((sum, e) => sum + e.sizeBytes, 0) + upload.data.length;
    if (total > EVIDENCE_TOTAL_LIMIT) {
      throw new TooLargeError(`Tổng dung lượng minh chứng của báo cáo vượt quá ${mb(EVIDENCE_TOTAL_LIMIT)} (đã có ${existing.length} tệp); vui lòng bỏ bớt hoặc nén tệp.`, { limitBytes: EVIDENCE_TOTAL_LIMIT });
    }

    // Stored by content hash: the uploaded name never becomes a path.
    const relative = path.posix.join('reports', 'evidence', planId, cycleKey, agencyId, `${sha256}${path.extname(fileName).toLowerCase()}`);
    const absolute = path.join(this.deps.dataDir, relative);
    await mkdir(path.dirname(absolute), { recursive: true });
    const partial = `${absolute}.${process.pid}.partial`;
    await writeFile(partial, upload.data);
    await rename(partial, absolute);
    const year = Number(cycleKey.slice(0, 4));
    return repository.record({ planId, year, cycleKey }, { agencyId, fileName, contentType, sizeBytes: upload.data.length, sha256, path: relative, uploadedBy: by });
  }

  list(planId: string, cycleKey: string, agencyId?: string): Promise<ReportEvidence[]> {
    return new ReportEvidenceRepository(this.deps.db).list(planId, cycleKey, agencyId);
  }

  /** One file with where it is on disk; 404 for an unknown id or another agency's file. */
  async open(planId: string, cycleKey: string, agencyId: string, id: string): Promise<ReportEvidence & { absolutePath: string }> {
    const found = await new ReportEvidenceRepository(this.deps.db).find(planId, cycleKey, agencyId, id);
    if (!found) throw new NotFoundError(`Không có tệp minh chứng số ${id} của cơ quan "${agencyId}" trong kỳ ${cycleKey}.`);
    return { ...found, absolutePath: path.join(this.deps.dataDir, found.path) };
  }
}
