import type { HostContext } from '../hostContract';
import type { HostBackend } from './backendTypes';
import { browserBackend } from './browserBackend';

/**
 * The backend a host package must use for this guest: the one the run worker created from
 * `config.backend`, or the browser backend (unit tests build contexts without one).
 */
export function backendOf(ctx: HostContext): HostBackend {
  return ctx.backend ?? browserBackend;
}
