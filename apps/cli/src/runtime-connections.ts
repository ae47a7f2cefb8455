import type { AppConfig } from '@dondoc/config';
import { readRuntimeFile } from '@dondoc/runtime';
import path from 'node:path';

/** DATABASE_URL, else the embedded database of a running `npm start`. */
export function databaseUrlFor(config: AppConfig): string {
  if (config.DATABASE_URL) return config.DATABASE_URL;
  const running = readRuntimeFile(path.resolve(config.DONDOC_DATA_DIR));
  if (running) return running.databaseUrl;
  throw new Error('Không tìm thấy cơ sở dữ liệu: đặt DATABASE_URL, hoặc chạy hệ thống trước bằng `npm start` (dondoc up).');
}

/** TEMPORAL_ADDRESS as configured, else the one of a running `npm start`. */
export function temporalAddressFor(config: AppConfig): string {
  return readRuntimeFile(path.resolve(config.DONDOC_DATA_DIR))?.temporalAddress ?? config.TEMPORAL_ADDRESS;
}
