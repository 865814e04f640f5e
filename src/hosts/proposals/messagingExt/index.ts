export { createMessagingExtHost, enableTopicLog, messagingExtPackageId, type MessagingExtOptions } from './createMessagingExtHost';
export { LeaseDelivery, type LeaseOptions } from './leaseDelivery';
export { RESUME_FROM_COMMITTED } from './createPullResources';
export { readLogFrom, commitOffset, committedOffset, closeLogDatabases, RETAINED_PER_TOPIC } from './topicLog';
export { listInflight, type InflightRecord } from './inflightStore';
