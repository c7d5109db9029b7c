// Every API the broker serves. Adding an API: write handlers/<api>.ts and list it here.
import type { Handler } from '../registry.js';
import { apiVersionsHandler } from './api-versions.js';

export const ALL_HANDLERS: Handler<never>[] = [
  apiVersionsHandler,
] as unknown as Handler<never>[];
