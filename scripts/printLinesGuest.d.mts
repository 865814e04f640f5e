/** Types of scripts/printLinesGuest.mjs for the TypeScript e2e specs. */
export function printLinesGuest(lines: number, opts?: { name?: string; hang?: boolean }): { wit: string; wat: string };
