// The signed-in staff member (admin or viewer): the API's bearer token, kept in
// localStorage until it expires or the user signs out, added to every staff
// request. A 401 from the API ends the session and sends the user to sign in.
import type { Middleware } from 'openapi-fetch';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

import type { paths } from '../api/schema';
import { addApiMiddleware } from '../common/api-client';

/** What POST /auth/login answers. */
export type StaffSession = paths['/auth/login']['post']['responses'][200]['content']['application/json'];

const STORAGE_KEY = 'dondoc.staff-session';

function storedSession(): StaffSession | null {
  try {
    const session = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as StaffSession | null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

interface StaffSessionContext {
  readonly session: StaffSession | null;
  signIn(session: StaffSession): void;
  signOut(): void;
}

const Context = createContext<StaffSessionContext | null>(null);

/** Routes of the officer's link pages authenticate with their own cookie, never the staff token. */
const isLinkSessionRequest = (url: string) => new URL(url).pathname.startsWith('/link-session');

/**
 * The token every staff request carries, set before the first render: the pages' queries start in
 * their own effects, which React runs before the provider's, so a middleware added in an effect
 * came too late on a reload (the first requests went without the token and got 401).
 */
let currentToken: string | null = storedSession()?.token ?? null;
let onUnauthorized: () => void = () => {};
const bearerMiddleware: Middleware = {
  onRequest({ request }) {
    if (currentToken && !isLinkSessionRequest(request.url)) request.headers.set('authorization', `Bearer ${currentToken}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && currentToken && !isLinkSessionRequest(request.url)) onUnauthorized();
    return response;
  },
};
addApiMiddleware(bearerMiddleware);

export function StaffSessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StaffSession | null>(storedSession);

  const signIn = useCallback((next: StaffSession) => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    currentToken = next.token;
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    localStorage.removeItem(STORAGE_KEY);
    currentToken = null;
    setSession(null);
  }, []);

  useEffect(() => {
    onUnauthorized = signOut;
  }, [signOut]);

  // Another tab signed in or out.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== STORAGE_KEY) return;
      const stored = storedSession();
      currentToken = stored?.token ?? null;
      setSession(stored);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useStaffSession(): StaffSessionContext {
  const context = useContext(Context);
  if (!context) throw new Error('useStaffSession outside StaffSessionProvider');
  return context;
}
