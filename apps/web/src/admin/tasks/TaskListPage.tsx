// Nhiệm vụ: the task table from Temporal visibility, filtered by plan, agency,
// status, overdue and deadline range (kept in the address, so a filtered list
// can be shared), paged with the API's page tokens.
import { TASK_STATUS_LABELS, TASK_STATUSES } from '@dondoc/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { api, unwrap } from '../../common/api-client';
import { dayjs, formatDay, formatInstant } from '../../common/dates';
import { matchesSearch } from '../../common/vietnamese-search';
import { taskNamesOf, useAgencyDirectory, useAgencyNames, usePlanDocuments, usePlans } from '../reference-data';
import { TaskStatusTag } from '../../common/TaskStatusTag';

const PAGE_SIZE = 25;
export const taskDetailPath = (workflowId: string) => `/nhiem-vu/${encodeURIComponent(workflowId)}`;

/** The API's filters, read from the address bar. */
function filtersOf(params: URLSearchParams) {
  const get = (name: string) => params.get(name) || undefined;
  return { plan: get('ke-hoach'), agency: get('co-quan'), status: get('trang-thai'), overdue: params.get('qua-han') === '1' ? ('true' as const) : undefined, dueFrom: get('tu-ngay'), dueTo: get('den-ngay') };
}

export function TaskListPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  // Tokens of the pages before this one: the API pages forward only.
  const [tokens, setTokens] = useState<string[]>([]);
  const pageToken = tokens.at(-1);
  const plans = usePlans();
  const directory = useAgencyDirectory();
  const agencyName = useAgencyNames();
  const page = useQuery({
    queryKey: ['tasks', filters, pageToken],
    queryFn: async () => unwrap(await api.GET('/tasks', { params: { query: { ...filters, pageSize: PAGE_SIZE, ...(pageToken ? { pageToken } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const items = page.data?.items ?? [];
  const names = taskNamesOf(usePlanDocuments(items.flatMap((t) => (t.planId ? [t.planId] : []))));

  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    setTokens([]);
  };
  const range: [Dayjs | null, Dayjs | null] | null = filters.dueFrom || filters.dueTo ? [filters.dueFrom ? dayjs(filters.dueFrom) : null, filters.dueTo ? dayjs(filters.dueTo) : null] : null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        Nhiệm vụ
      </Typography.Title>
      <Card size="small">
        <Form layout="vertical" className="filter-bar">
          <Form.Item label="Kế hoạch" htmlFor="filter-plan">
            <Select id="filter-plan" allowClear placeholder="Tất cả" value={filters.plan} onChange={(v?: string) => setFilter('ke-hoach', v)} options={(plans.data ?? []).map((p) => ({ value: p.planId, label: `${p.planId} – ${p.title}` }))} popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item label="Cơ quan chủ trì" htmlFor="filter-agency">
            <Select
              id="filter-agency"
              allowClear
              showSearch
              placeholder="Tất cả"
              value={filters.agency}
              onChange={(v?: string) => setFilter('co-quan', v)}
              filterOption={(input, option) => matchesSearch(`${option?.label ?? ''} ${option?.value ?? ''}`, input)}
              options={(directory.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item label="Trạng thái" htmlFor="filter-status">
            <Select
              id="filter-status"
              mode="multiple"
              allowClear
              placeholder="Tất cả"
              value={filters.status?.split(',') ?? []}
              onChange={(v: string[]) => setFilter('trang-thai', v.join(','))}
              options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
            />
          </Form.Item>
          <Form.Item label="Thời hạn" htmlFor="filter-due">
            <DatePicker.RangePicker
              id={{ start: 'filter-due', end: 'filter-due-end' }}
              format="DD/MM/YYYY"
              allowEmpty={[true, true]}
              value={range}
              onChange={(dates) => {
                const next = new URLSearchParams(params);
                const [from, to] = dates ?? [null, null];
                for (const [name, day] of [['tu-ngay', from], ['den-ngay', to]] as const) {
                  if (day) next.set(name, day.format('YYYY-MM-DD'));
                  else next.delete(name);
                }
                setParams(next, { replace: true });
                setTokens([]);
              }}
            />
          </Form.Item>
          <Form.Item className="filter-check">
            <Checkbox checked={filters.overdue === 'true'} onChange={(e) => setFilter('qua-han', e.target.checked ? '1' : undefined)}>
              Chỉ nhiệm vụ quá hạn
            </Checkbox>
          </Form.Item>
        </Form>
      </Card>
      {page.error ? <Alert type="error" showIcon title={page.error.message} /> : null}
      <Table
        rowKey="workflowId"
        size="middle"
        loading={page.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1290 }}
        columns={[
          { title: 'Kế hoạch', dataIndex: 'planId', width: 140, fixed: 'left' },
          {
            title: 'Nhiệm vụ',
            key: 'task',
            width: 420,
            render: (_, task) => {
              const named = names.get(`${task.planId}/${task.taskId}`);
              return (
                <Link to={taskDetailPath(task.workflowId)} className="clamp-2" title={named?.name}>
                  {task.taskId}. {named?.name ?? ''}
                </Link>
              );
            },
          },
          { title: 'Cơ quan chủ trì', dataIndex: 'agencyId', render: (id: string | null) => agencyName(id), width: 220 },
          { title: 'Trạng thái', dataIndex: 'status', render: (status: string | null) => <TaskStatusTag status={status} />, width: 140 },
          { title: 'Thời hạn', dataIndex: 'dueDate', render: (day: string | null) => formatDay(day), width: 110 },
          { title: 'Số ngày quá hạn', dataIndex: 'daysOverdue', render: (days: number | null) => (days && days > 0 ? days : '—'), width: 110, align: 'right' },
          { title: 'Bắt đầu theo dõi', dataIndex: 'startedAt', render: (at: string | null) => formatInstant(at), width: 150 },
        ]}
        locale={{ emptyText: 'Không có nhiệm vụ nào khớp bộ lọc.' }}
      />
      <Space>
        <Button disabled={tokens.length === 0} onClick={() => setTokens((t) => t.slice(0, -1))}>
          Trang trước
        </Button>
        <Typography.Text type="secondary">Trang {tokens.length + 1}</Typography.Text>
        <Button disabled={!page.data?.nextPageToken} onClick={() => page.data?.nextPageToken && setTokens((t) => [...t, page.data!.nextPageToken!])}>
          Trang sau
        </Button>
      </Space>
    </Space>
  );
}
