// Evidence files go to the API as the raw request body with their name in
// X-File-Name (URL-encoded), the way the API takes them (no multipart).
import { apiErrorOf } from './api-client';

/** PDF, DOCX, XLSX, JPEG, PNG: the types the API accepts, by MIME type and extension. */
export const EVIDENCE_ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png';
const TYPE_OF_EXTENSION: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

/** A refusal before sending, in the API's words; null when the file may be sent. */
export function evidenceProblem(file: File, fileLimitBytes: number): string | null {
  const extension = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
  if (!TYPE_OF_EXTENSION[extension]) return `Tệp "${file.name}": chỉ nhận PDF, DOCX, XLSX, JPEG hoặc PNG.`;
  if (file.size > fileLimitBytes) return `Tệp "${file.name}" vượt quá ${Math.round(fileLimitBytes / 1024 / 1024)} MB; vui lòng nén hoặc chia nhỏ tệp.`;
  if (file.size === 0) return `Tệp "${file.name}" rỗng.`;
  return null;
}

/** Sends one file; resolves with the API's record of it, rejects with an ApiError. */
export async function uploadEvidence<T>(url: string, file: File): Promise<T> {
  const extension = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': file.type || TYPE_OF_EXTENSION[extension] || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name.normalize('NFC')) },
    body: file,
  }).catch(() => null);
  if (!response) throw apiErrorOf(0, null);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorOf(response.status, body);
  return body as T;
}

/** "1,2 MB", "320 KB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
