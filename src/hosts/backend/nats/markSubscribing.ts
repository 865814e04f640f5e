import { markUnsettled } from '../../messaging/settleBuses';
import type { NatsLink } from './connectNats';
import { untilLoss } from './failOnLoss';

/**
 * Puts a subscription that the server creates on request (a JetStream consumer group, a
 * key-value watch: an API round trip or more) on the worker's settle list, so the guest is
 * reported instantiated only once the server has it (settlingBuses): such a consumer starts
 * with what is stored after its creation, and a producer started at "instantiated" must not
 * send before. Settled when `started` resolves and its frames reached the server, when it
 * fails, or when the connection is lost (a wait for the server would hang until a reconnect;
 * the page already says the connection is down). Returns `started`.
 */
export function markSubscribing<T>(link: NatsLink, started: Promise<T>): Promise<T> {
  markUnsettled({ settle: () => untilLoss(link, started.then(() => link.arrived())) });
  return started;
}
