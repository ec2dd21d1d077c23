import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], exclude: ["**/*.int.test.ts"] },
      },
      {
        // Integration files share one database and truncate it, so they run one at a time.
        extends: true,
        test: { name: "integration", include: ["lib/**/*.int.test.ts", "test/**/*.int.test.ts"], fileParallelism: false },
      },
    ],
  },
});
