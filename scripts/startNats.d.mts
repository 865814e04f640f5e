/** Types of scripts/startNats.mjs for the TypeScript e2e setup. */
export function findNatsServer(): string | undefined;
export const INSTALL_HINT: string;
export function natsServerCommand(opts: { port: number; wsPort: number; storeDir: string }): { binary: string; args: string[]; env: NodeJS.ProcessEnv };
export function spawnNatsServer(opts: { port: number; wsPort: number; storeDir: string }): Promise<{ stop(): Promise<void>; signal(name: NodeJS.Signals): boolean }>;
