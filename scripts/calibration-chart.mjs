// Draws docs/calibration.svg from `acumen calibrate --format json` on
// standard input: one row per measurement and platform version, the
// published band as a bar and the model's value as a dot, each row on its
// own scale (the band spans the middle half; units differ between rows).
import { readFileSync, writeFileSync } from "node:fs";

const rows = JSON.parse(readFileSync(0, "utf8"));
const out = process.argv[2] ?? "docs/calibration.svg";
const [rowHeight, labelWidth, plotWidth, top] = [22, 300, 360, 34];
const height = top + rows.length * rowHeight + 26;
const width = labelWidth + plotWidth + 110;
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");
const shown = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 3 : 1));

// Where a value sits on its row: the band from 25 % to 75 % of the plot.
function place(r, v) {
  const open = !Number.isFinite(r.high);
  const span = open ? Math.max(Math.abs(r.model), r.low, 1) : r.high - r.low;
  const at = span === 0 ? 0.5 : 0.25 + (0.5 * (v - r.low)) / (span || 1);
  return labelWidth + plotWidth * Math.min(0.98, Math.max(0.02, at));
}

const parts = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
  `<rect width="100%" height="100%" fill="#fff"/>`,
  `<text x="8" y="18" font-weight="bold">acumen-controller against published Aurora Serverless v2 measurements</text>`,
];
rows.forEach((r, i) => {
  const y = top + i * rowHeight;
  const x0 = place(r, r.low);
  const x1 = Number.isFinite(r.high) ? place(r, r.high) : labelWidth + plotWidth * 0.98;
  const bar = Math.max(3, x1 - x0);
  const colour = r.within ? "#1a7f37" : "#cf222e";
  parts.push(
    `<text x="8" y="${y + 15}">${esc(r.id)} (PV${r.platformVersion})</text>`,
    `<rect x="${x0.toFixed(1)}" y="${y + 6}" width="${bar.toFixed(1)}" height="10" fill="#d0d7de"/>`,
    `<circle cx="${place(r, r.model).toFixed(1)}" cy="${y + 11}" r="5" fill="${colour}"/>`,
    `<text x="${labelWidth + plotWidth + 8}" y="${y + 15}">${esc(shown(r.model))} ${esc(r.unit)}</text>`,
  );
});
parts.push(
  `<text x="8" y="${height - 8}" fill="#57606a">grey: the published band; dot: the model (green within, red outside). Sources: docs/calibration.md.</text>`,
  "</svg>",
);
writeFileSync(out, parts.join("\n") + "\n");
console.log(`wrote ${out} (${rows.length} rows)`);
