import { cliRunCall, planLinks, type BuildArtifact, type ExampleGuest, type HostConfig, type LinkError, type LinkedGuest } from '../../src/index';

/** How Run starts guests once their imports are linked (guests linked to guests). */
export interface RunLinking {
  /** Guests that only serve other guests: their consumers' workers run them. */
  skip: ReadonlySet<string>;
  /** Extra start options of a guest: the providers its worker instantiates. */
  startOptionsOf(guest: string): { linked?: LinkedGuest[]; links?: Record<string, string> };
  /** Console lines saying which guest serves which import. */
  notes: { guest: string; text: string }[];
}

/**
 * Links the built guests of one Run (planLinks over the built artifacts' imports and
 * exports, implied interfaces included), or the errors that refuse it.
 */
export function linkForRun(
  built: readonly (readonly [ExampleGuest, BuildArtifact])[],
  configOf: (g: ExampleGuest) => HostConfig,
): { ok: true; linking: RunLinking } | { ok: false; errors: LinkError[] } {
  const result = planLinks(
    built.map(([g, a]) => ({ name: g.name, imports: a.importedInterfaces, exports: a.exportedInterfaces, called: g.call !== undefined || cliRunCall(a.exportedInterfaces) !== undefined })),
  );
  if (!result.ok) return result;
  const { plan } = result;
  const byName = new Map(built.map(([g, a]) => [g.name, [g, a] as const]));
  const asLinked = (name: string): LinkedGuest => {
    const [g, a] = byName.get(name)!;
    const artifact = { files: a.files, importedInterfaces: a.importedInterfaces, exportedInterfaces: a.exportedInterfaces, exports: a.exports, asyncImports: a.asyncImports, asyncExports: a.asyncExports };
    return { name, artifact, config: configOf(g), links: plan.servedBy[name] ?? {} };
  };
  const notes = plan.links.map((l) => ({
    guest: l.consumer,
    text: `${l.iface} is served by guest ${l.provider} (linked into ${l.consumer}'s worker)`,
  }));
  for (const name of plan.linkedOnly) notes.push({ guest: name, text: `not started on its own: it only serves ${[...new Set(plan.links.filter((l) => l.provider === name).map((l) => l.consumer))].join(', ')}` });
  return {
    ok: true,
    linking: {
      skip: new Set(plan.linkedOnly),
      startOptionsOf: (guest) => {
        const providers = plan.providers[guest];
        return providers ? { linked: providers.map(asLinked), links: plan.servedBy[guest] } : {};
      },
      notes,
    },
  };
}
