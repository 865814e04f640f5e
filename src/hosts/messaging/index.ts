import type { HostPackage } from '../hostContract';
import { createMessagingHost } from './createMessagingHost';

export { createMessagingHost, messagingPackageId, type MessagingHostOptions } from './createMessagingHost';
export { createBus, openBus, closeAllBuses, type Bus, type BusPacket } from './createBus';
export { closeClaimDatabases } from './claimMessage';
export { matchTopic, parseSubscription, validatePattern, validateTopic } from './matchTopic';
export { createEnvelope, readEnvelope, type Envelope } from './createEnvelope';
export { createMessageTypes, type Message, type Client, type RequestOptions, type MessageTypes, type MessagingError } from './messageTypes';

/** Host packages of wasi:messaging, for the run worker's host registry. */
export const messagingHosts: HostPackage[] = [createMessagingHost()];
