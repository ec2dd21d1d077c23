import PgBoss from "pg-boss";
import { JOB_DEFINITIONS } from "@/lib/jobs/job-registry";
import { getJobQueue, setJobQueue } from "@/lib/queue/job-queue";

/** Starts pg-boss on the app's database and a worker plus a schedule for every registered job. */
export async function startJobs(): Promise<PgBoss> {
  const running = getJobQueue();
  if (running) return running;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const boss = new PgBoss({ connectionString, max: 4 });
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();
  for (const job of JOB_DEFINITIONS) {
    await boss.createQueue(job.spec.name);
    await boss.work(job.spec.name, async (jobs) => {
      for (const one of jobs) await job.handle(one.data);
    });
    if (job.cron) await boss.schedule(job.spec.name, job.cron);
  }
  setJobQueue(boss);
  return boss;
}
