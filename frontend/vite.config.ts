// Builds the one file the integration serves; `vitest` reads the `test` part.
import { defineConfig } from "vitest/config";

export default defineConfig({
  build: {
    lib: {
      entry: "src/index.ts",
      formats: ["es"],
      fileName: () => "schoolbag-cards.js",
    },
    outDir: "../custom_components/schoolbag/frontend",
    // The folder holds only the built file; keep anything else a person put there.
    emptyOutDir: false,
    target: "es2021",
    minify: true,
    reportCompressedSize: false,
  },
  test: {
    environment: "happy-dom",
    include: ["test/**/*.test.ts"],
  },
});
