import PgBoss from "pg-boss";
import { registeredJobs } from "@/lib/jobs/job-registry";
import "@/lib/jobs/jobs";

const globalForJobs = globalThis as unknown as { refillBoss?: PgBoss };

/** Starts pg-boss on the app's database and a worker plus a schedule for every registered job. */
export async function startJobs(): Promise<PgBoss> {
  if (globalForJobs.refillBoss) return globalForJobs.refillBoss;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const boss = new PgBoss({ connectionString, max: 4 });
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();
  for (const job of registeredJobs()) {
    await boss.createQueue(job.name);
    await boss.work(job.name, async (jobs) => {
      for (const one of jobs) await job.run(one.data);
    });
    if (job.cron) await boss.schedule(job.name, job.cron);
  }
  globalForJobs.refillBoss = boss;
  return boss;
}

/** Asks for a job to run soon (e.g. deliver the email just written); harmless if jobs are off. */
export async function queueJob(name: string, data: object = {}): Promise<void> {
  await globalForJobs.refillBoss?.send(name, data);
}
