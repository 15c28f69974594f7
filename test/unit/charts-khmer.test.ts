// Khmer in charts is shaped, not just drawn: a Khmer label drawn by the chart stack (Chart.js on @napi-rs/canvas
// with the bundled Noto Sans Khmer) is compared pixel by pixel with HarfBuzz's own shaping of the same text
// (harfbuzzjs glyph outlines drawn on the same canvas). A naive, unshaped drawing is the control that shows the
// comparison can tell the difference (charts.md: resvg stacks pre-base vowels and coeng-ro on the consonant).
import { readFile } from "node:fs/promises";
import { type Canvas, createCanvas, loadImage, Path2D, type SKRSContext2D } from "@napi-rs/canvas";
import * as hb from "harfbuzzjs";
import { describe, expect, it } from "vitest";
import { FONT_FILES } from "../../src/charts/fonts.js";
import { renderChart } from "../../src/charts/render.js";

const LABEL = "ការសម្ភាសន៍ ប្រើប្រាស់ ស្ត្រី ខេត្ត";
const SIZE = 40;
const W = 900;
const H = 120;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const dark = (d: Uint8ClampedArray, w: number, x: number, y: number) => (d[(y * w + x) * 4] as number) < 128;

function inkBox(ctx: SKRSContext2D, top: number, height: number): Box {
  const d = ctx.getImageData(0, 0, W, top + height).data;
  const box = { x0: W, y0: top + height, x1: -1, y1: -1 };
  for (let y = top; y < top + height; y++) {
    for (let x = 0; x < W; x++) {
      if (!dark(d, W, x, y)) continue;
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x);
      box.y0 = Math.min(box.y0, y);
      box.y1 = Math.max(box.y1, y);
    }
  }
  return box;
}

/** Share of ink pixels in box `a` with no ink within one pixel at the same place in box `b`. */
function mismatch(ctx: SKRSContext2D, a: Box, b: Box): number {
  const d = ctx.getImageData(0, 0, W, 2 * H).data;
  let ink = 0;
  let missed = 0;
  for (let y = 0; y <= a.y1 - a.y0; y++) {
    for (let x = 0; x <= a.x1 - a.x0; x++) {
      if (!dark(d, W, a.x0 + x, a.y0 + y)) continue;
      ink++;
      let near = false;
      for (let dy = -1; dy <= 1 && !near; dy++) {
        for (let dx = -1; dx <= 1 && !near; dx++) {
          const bx = b.x0 + x + dx;
          const by = b.y0 + y + dy;
          near = bx >= 0 && by >= 0 && bx < W && by < 2 * H && dark(d, W, bx, by);
        }
      }
      if (!near) missed++;
    }
  }
  return missed / Math.max(1, ink);
}

async function harfbuzzFont() {
  const face = new hb.Face(new hb.Blob(await readFile(FONT_FILES.regular)));
  return { font: new hb.Font(face), scale: SIZE / face.upem };
}

/** Draws `text` with HarfBuzz outlines; `shaped: false` shapes each character alone (what a naive renderer does). */
async function drawHarfbuzz(ctx: SKRSContext2D, text: string, baseline: number, shaped = true) {
  const { font, scale } = await harfbuzzFont();
  const runs = shaped ? [text] : [...text];
  let pen = 20;
  ctx.fillStyle = "#000000";
  for (const run of runs) {
    const buffer = new hb.Buffer();
    buffer.addText(run);
    buffer.guessSegmentProperties();
    hb.shape(font, buffer);
    const positions = buffer.getGlyphPositions();
    buffer.getGlyphInfos().forEach((glyph, i) => {
      const p = positions[i] as { xAdvance: number; xOffset: number; yOffset: number };
      ctx.save();
      ctx.translate(pen + p.xOffset * scale, baseline - p.yOffset * scale);
      ctx.scale(scale, -scale);
      ctx.fill(new Path2D(font.glyphToPath(glyph.codepoint)));
      ctx.restore();
      pen += p.xAdvance * scale;
    });
  }
}

/** The label as the chart stack draws it (a Chart.js title), pasted at the top of a 2-row canvas. */
async function chartStackCanvas(): Promise<{ canvas: Canvas; ctx: SKRSContext2D }> {
  const png = renderChart(
    {
      type: "bar",
      data: { labels: [], datasets: [] },
      options: {
        plugins: {
          title: { display: true, text: LABEL, font: { size: SIZE, weight: "normal" } },
          legend: { display: false },
        },
        scales: { x: { display: false }, y: { display: false } },
      },
    },
    { width: W, height: H },
  );
  const canvas = createCanvas(W, 2 * H);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, W, 2 * H);
  ctx.drawImage(await loadImage(png), 0, 0);
  return { canvas, ctx };
}

describe("Khmer in charts", () => {
  it("When a Khmer label is drawn by Chart.js on @napi-rs/canvas, then it matches HarfBuzz's shaping pixel for pixel", async () => {
    const { canvas, ctx } = await chartStackCanvas();
    await drawHarfbuzz(ctx, LABEL, H + 80);
    const chart = inkBox(ctx, 0, H);
    const reference = inkBox(ctx, H, H);
    // Same width and height (to a pixel), and the same ink.
    expect(Math.abs(chart.x1 - chart.x0 - (reference.x1 - reference.x0))).toBeLessThanOrEqual(2);
    expect(Math.abs(chart.y1 - chart.y0 - (reference.y1 - reference.y0))).toBeLessThanOrEqual(2);
    expect(mismatch(ctx, chart, reference)).toBeLessThan(0.03);
    expect(mismatch(ctx, reference, chart)).toBeLessThan(0.03);
    expect(canvas.toBuffer("image/png").subarray(1, 4).toString()).toBe("PNG");
  });

  it("When the same text is drawn unshaped (one character at a time), then the comparison sees the difference", async () => {
    const { ctx } = await chartStackCanvas();
    await drawHarfbuzz(ctx, LABEL, H + 80, false);
    const chart = inkBox(ctx, 0, H);
    const unshaped = inkBox(ctx, H, H);
    expect(mismatch(ctx, chart, unshaped)).toBeGreaterThan(0.2);
  });
});
