import { Router } from 'express';
import type { WebDeps } from '../web-deps.js';

export function apiRoutes(_deps: WebDeps): Router {
  return Router();
}
