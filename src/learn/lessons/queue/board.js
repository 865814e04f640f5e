import { Client, Message } from 'wasi:messaging/types@0.2.0-draft';
import { send } from 'wasi:messaging/producer@0.2.0-draft';

const encoder = new TextEncoder();

export function run() {
  const client = Client.connect('job-board');
  for (let i = 1; i <= 6; i++) send(client, 'jobs', new Message(encoder.encode(`job-${i}`)));
  return 6;
}
