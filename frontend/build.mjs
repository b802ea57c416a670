// Builds the dashboard into ../src/eventscope/web/static (committed: pip install needs no npm).
// `npm ci && npm run build`. Copies the files the page loads at run time: the MapLibre worker,
// the world-atlas TopoJSON basemap, and Swagger UI for /docs (no CDN anywhere).
import * as esbuild from "esbuild";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const out = new URL("../src/eventscope/web/static/", import.meta.url).pathname;
mkdirSync(out + "docs", { recursive: true });

await esbuild.build({
  entryPoints: { app: "src/main.js" },
  bundle: true, minify: true, format: "esm", target: ["chrome110", "firefox110", "safari16"],
  outdir: out, legalComments: "linked", logLevel: "info",
});

const copies = {
  "node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs": "maplibre-gl-worker.mjs",
  "node_modules/world-atlas/countries-50m.json": "countries-50m.json",
  "node_modules/swagger-ui-dist/swagger-ui-bundle.js": "docs/swagger-ui-bundle.js",
  "node_modules/swagger-ui-dist/swagger-ui.css": "docs/swagger-ui.css",
  "src/index.html": "index.html",
  "src/favicon.svg": "favicon.svg",
};
for (const [from, to] of Object.entries(copies)) cpSync(from, out + to);

const licences = ["maplibre-gl", "world-atlas", "topojson-client", "swagger-ui-dist"].map((name) => {
  const pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
  return `${name} ${pkg.version} (${pkg.license})`;
});
writeFileSync(out + "THIRD_PARTY.txt",
  "Bundled into this dashboard:\n" + licences.map((l) => "- " + l).join("\n") +
  "\n- basemap: Natural Earth 1:50m countries (public domain) via world-atlas\n" +
  "Licence texts: app.js.LEGAL.txt and the packages' LICENSE files on npm.\n");
