import { Typography } from 'antd';

import { formatInstant } from './dates';
import { formatBytes } from './upload';

export interface FileLink {
  readonly id: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly createdAt?: string;
}

/** Stored files, each a download link with its size (and when it was attached). */
/** `href` null: names only (the page cannot serve the files, e.g. inside a digest's list). */
export function FileLinks({ files, href, empty }: { files: readonly FileLink[]; href: ((file: FileLink) => string) | null; empty: string }) {
  if (files.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ul className="file-links">
      {files.map((file) => (
        <li key={file.id}>
          {href ? (
            <a href={href(file)} className="wrap-anywhere">
              {file.fileName}
            </a>
          ) : (
            <span className="wrap-anywhere">{file.fileName}</span>
          )}
          <Typography.Text type="secondary">
            {' '}
            · {formatBytes(file.sizeBytes)}
            {file.createdAt ? ` · ${formatInstant(file.createdAt)}` : ''}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
