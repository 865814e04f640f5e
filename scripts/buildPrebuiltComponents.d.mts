/** One prebuilt example component (see buildPrebuiltComponents.mjs). */
export interface PrebuiltComponent {
  file: string;
  world: string;
  sources: string[];
  bytes: Buffer;
  sha256: string;
}
export function buildPrebuiltComponents(): Promise<PrebuiltComponent[]>;
export function prebuiltIndex(components: PrebuiltComponent[]): string;
