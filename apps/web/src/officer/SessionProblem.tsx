// What an officer sees when the page cannot show their task or report: the
// session ended (2 hours), the browser never opened the link, or the API refused.
import { Alert, Spin } from 'antd';

import { ApiError } from '../common/api-client';
import { OfficerLayout } from './OfficerLayout';
import { useOversightContact } from './officer-api';

export function SessionProblem({ error }: { error: unknown }) {
  const contact = useOversightContact(true);
  const ended = error instanceof ApiError && error.status === 401;
  return (
    <OfficerLayout title={ended ? 'Phiên làm việc đã kết thúc' : 'Không mở được trang'} contact={contact.data}>
      <Alert
        type={ended ? 'info' : 'error'}
        showIcon
        title={error instanceof Error ? error.message : 'Không mở được trang.'}
        description={ended ? 'Vì an toàn, mỗi lần mở đường dẫn chỉ có hiệu lực trong một thời gian ngắn. Vui lòng bấm lại đường dẫn trong thư nhắc việc hoặc tin nhắn Zalo.' : undefined}
      />
    </OfficerLayout>
  );
}

export function PageLoading() {
  return (
    <div className="officer-page" role="status" aria-live="polite">
      <Spin size="large" description="Đang tải…" />
    </div>
  );
}
