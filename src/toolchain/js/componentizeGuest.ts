import type { GuestSource } from '../../protocol/buildProtocol';
import type { WorldAnalysis } from '../analyzeWit';

/** Placeholder until the in-browser componentize pipeline lands (src/toolchain/js). */
export async function componentizeGuest(guest: GuestSource, _world: WorldAnalysis, _progress: (stage: string) => void): Promise<Uint8Array> {
  throw new Error(`${guest.lang} guests are not supported yet`);
}
