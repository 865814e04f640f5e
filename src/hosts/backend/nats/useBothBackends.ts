// Test support (used only by *.test.ts) for files that run one case on both backends: a real
// nats-server for the file when one is installed, and after each test every guest of either
// backend ended and the browser side's buses and claim databases closed.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { closeClaimDatabases } from '../../messaging/claimMessage';
import { closeAllBuses } from '../../messaging/createBus';
import { closeTestBuses } from '../../messaging/createTestGuest';
import { closeExtGuests } from '../../proposals/messagingExt/testGuests';
import { closeNatsExtGuests, haveNatsServer, startTestNatsServer, type TestNatsServer } from './testNatsServer';

/** Registers the file's hooks; the returned function gives the server (only where `haveNatsServer`). */
export function useBothBackends(): () => TestNatsServer {
  let server: TestNatsServer | undefined;
  beforeAll(async () => {
    if (haveNatsServer) server = await startTestNatsServer();
  }, 20_000);
  afterAll(async () => server?.stop());
  afterEach(async () => {
    await closeNatsExtGuests();
    closeExtGuests();
    closeTestBuses();
    closeAllBuses();
    closeClaimDatabases();
  });
  return () => {
    if (server === undefined) throw new Error('no nats-server for this test (skip it unless haveNatsServer)');
    return server;
  };
}
