/**
 * Every background job: a name, what it does, and how often the scheduler runs it as a safety
 * net (cron, UTC). Handlers are idempotent: a job may run twice or late.
 */
export type TJobDefinition = { name: string; cron?: string; run: (data: unknown) => Promise<unknown> };

const definitions = new Map<string, TJobDefinition>();

export function defineJob(definition: TJobDefinition): TJobDefinition {
  definitions.set(definition.name, definition);
  return definition;
}

export function registeredJobs(): TJobDefinition[] {
  return [...definitions.values()];
}
