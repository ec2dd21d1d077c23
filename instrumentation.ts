// Starts the background jobs with the server process (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.REFILL_JOBS === "off") return;
  const { startJobs } = await import("./lib/jobs/start-jobs");
  await startJobs().catch((error: Error) => console.error("[jobs] could not start:", error.message));
}
