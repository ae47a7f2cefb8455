// The frame of the officer's pages: who sends them, the page, whom to contact.
import { Typography } from 'antd';
import type { ReactNode } from 'react';

import type { Contact } from './officer-api';

export function ContactBlock({ contact }: { contact: Contact | null | undefined }) {
  if (!contact) return null;
  const person = [contact.name, contact.title].filter(Boolean).join(', ');
  return (
    <address className="officer-footer wrap-anywhere">
      Cần hỗ trợ, vui lòng liên hệ: <strong>{contact.agencyName}</strong>
      {person ? ` – ${person}` : ''}
      {contact.email ? (
        <>
          {' · Email: '}
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </>
      ) : null}
      {contact.phone ? (
        <>
          {' · Điện thoại: '}
          <a href={`tel:${contact.phone.replace(/\s+/g, '')}`}>{contact.phone}</a>
        </>
      ) : null}
    </address>
  );
}

export function OfficerLayout({ title, contact, children }: { title: string; contact?: Contact | null; children: ReactNode }) {
  return (
    <div className="officer-page">
      <header className="officer-header">
        <img src="/favicon.svg" alt="" width={36} height={36} />
        <div>
          <Typography.Text type="secondary">Đôn Đốc · Sở Khoa học và Công nghệ</Typography.Text>
          <h1>{title}</h1>
        </div>
      </header>
      <main>{children}</main>
      <footer>
        <ContactBlock contact={contact} />
      </footer>
    </div>
  );
}
