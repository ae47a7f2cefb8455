import { Result } from 'antd';

/** A dashboard section whose page is not built yet: said plainly, with where to do it meanwhile. */
export function SectionPending({ label }: { label: string }) {
  return (
    <Result
      status="info"
      title={label}
      subTitle="Mục này chưa có trên ứng dụng web. Trong lúc chờ, quản trị viên dùng lệnh dondoc hoặc API (/docs) cho các thao tác của mục này."
    />
  );
}
