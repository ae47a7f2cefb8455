// Evidence files chosen on a form: each is sent as soon as it is chosen (so a
// refusal shows at once, under the control), and the form's value is the list
// of the stored files' ids.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';

import { ApiError } from '../common/api-client';
import { EVIDENCE_ACCEPT, evidenceProblem, uploadEvidence } from '../common/upload';

export interface StoredEvidence {
  readonly id: string;
  readonly fileName: string;
}

interface Props {
  readonly id?: string;
  readonly uploadUrl: string;
  readonly fileLimitBytes: number;
  readonly value?: string[];
  readonly onChange?: (ids: string[]) => void;
  /** Each stored file, e.g. to refresh a list of the task's files. */
  readonly onStored?: (evidence: StoredEvidence) => void;
  readonly disabled?: boolean;
}

export function EvidenceUpload({ id, uploadUrl, fileLimitBytes, onChange, onStored, disabled }: Props) {
  const [files, setFiles] = useState<UploadFile<StoredEvidence>[]>([]);
  const update = (uid: string, change: Partial<UploadFile<StoredEvidence>>) => setFiles((all) => all.map((f) => (f.uid === uid ? { ...f, ...change } : f)));
  // The form's value follows the files stored so far, in the order they were chosen.
  const storedIds = files.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));
  const key = storedIds.join(',');
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });
  useEffect(() => {
    changed.current?.(key ? key.split(',') : []);
  }, [key]);

  return (
    <Upload<StoredEvidence>
      id={id}
      accept={EVIDENCE_ACCEPT}
      multiple
      disabled={disabled}
      fileList={files}
      beforeUpload={(file) => {
        const problem = evidenceProblem(file, fileLimitBytes);
        if (problem) {
          setFiles((all) => [...all, { uid: file.uid, name: file.name, status: 'error', response: undefined, error: new Error(problem) }]);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        const chosen = file as File & { uid: string };
        uploadEvidence<StoredEvidence>(uploadUrl, chosen)
          .then((stored) => {
            onSuccess?.(stored);
            update(chosen.uid, { status: 'done', response: stored });
            onStored?.(stored);
          })
          .catch((error: unknown) => {
            const message = error instanceof ApiError ? error.message : 'Không tải lên được tệp.';
            onError?.(new Error(message));
            update(chosen.uid, { status: 'error', error: new Error(message) });
          });
      }}
      onChange={({ fileList }) => setFiles(fileList.map((f) => ({ ...f, ...(f.error instanceof Error ? { response: undefined } : {}) })))}
      itemRender={(node, file) => (
        <div title={file.error instanceof Error ? file.error.message : undefined}>
          {node}
          {file.status === 'error' && file.error instanceof Error ? (
            <div role="alert" className="ant-form-item-explain-error">
              {file.error.message}
            </div>
          ) : null}
        </div>
      )}
    >
      <Button icon={<UploadOutlined />} disabled={disabled}>
        Chọn tệp minh chứng
      </Button>
    </Upload>
  );
}
