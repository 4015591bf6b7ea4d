import type { Response } from 'express';
import type { ViewEngine } from '../view-engine.js';
import type { SessionClaims } from './admin-cookie.js';

/** What the console's first middleware puts in res.locals.admin for every request under /admin. */
export interface AdminRequestState {
  /** The key the cookies and form tokens are signed with (kept in the store). */
  key: Buffer;
  /** `/admin` or `/en/admin`: the console of the request's locale. */
  base: string;
  /** PUBLIC_URL is https: the cookies are Secure. */
  secure: boolean;
  session: SessionClaims | null;
  views: ViewEngine;
  /** The sections of the console's navigation, in the request's locale. */
  sections: { path: string; href: string; title: string }[];
}

export interface SignedInOperator {
  name: string;
}

export function adminStateOf(res: Response): AdminRequestState {
  const state = res.locals.admin as AdminRequestState | undefined;
  if (!state) throw new Error('admin state missing: is this route under createAdminRouter?');
  return state;
}

/** The operator signed in for this request (res.locals.operator), or null. */
export function operatorOf(res: Response): SignedInOperator | null {
  return (res.locals.operator as SignedInOperator | undefined) ?? null;
}
