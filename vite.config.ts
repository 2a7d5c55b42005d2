import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The API listens here in development (`npm run dev` starts both). */
const API_TARGET = "http://127.0.0.1:3001";

export default defineConfig({
  root: fromRoot("src/web"),
  base: "/",
  publicDir: false,
  plugins: [react()],
  css: { postcss: fromRoot(".") },
  server: {
    port: 3000,
    strictPort: true,
    proxy: { "/api": { target: API_TARGET, changeOrigin: false } },
  },
  preview: { port: 3000, proxy: { "/api": { target: API_TARGET } } },
  build: {
    outDir: fromRoot("dist/web"),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
              priority: 3,
            },
            { name: "mantine", test: /node_modules[\\/]@mantine[\\/]/, priority: 2 },
            { name: "vendor", test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
