// Đôn Đốc's web application: the officer's pages behind the links in reminders
// (officer/) and the Sở KH&CN dashboard for signed-in staff (admin/).
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { RouterProvider } from 'react-router/dom';

import { AppProviders } from './app-providers';
import './styles.css';
import { router } from './routes';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
