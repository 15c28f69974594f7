// Chart.js 4 drawing straight onto @napi-rs/canvas (Skia shapes Khmer with HarfBuzz; see charts.md: SVG
// rasterised by resvg breaks Khmer clusters). Charts are PNG buffers, drawn without animation or a DOM.
import { type Canvas, createCanvas } from "@napi-rs/canvas";
import { Chart, type ChartConfiguration, type ChartItem, type Plugin, registerables } from "chart.js";
import { CHART_FONT, registerChartFonts } from "./fonts.js";

let ready = false;

function setUp() {
  if (ready) return;
  registerChartFonts();
  Chart.register(...registerables);
  Chart.defaults.font.family = CHART_FONT;
  Chart.defaults.font.size = 15;
  Chart.defaults.color = "#1f2933";
  ready = true;
}

/** White background: Telegram shows transparent PNGs on a dark theme as black on black. */
const background: Plugin = {
  id: "mitt-background",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * Suppressed points have no value (null) and a marker instead ("< 5", "hidden"): it is written where the bar
 * would start, so a reader sees why nothing is drawn. `markers[datasetIndex][pointIndex]`.
 */
function markerPlugin(markers: (string | null)[][]): Plugin {
  return {
    id: "mitt-markers",
    afterDatasetsDraw(chart) {
      const horizontal = chart.options.indexAxis === "y";
      const index = chart.scales[horizontal ? "y" : "x"];
      const value = chart.scales[horizontal ? "x" : "y"];
      if (!index || !value) return;
      const { ctx } = chart;
      ctx.save();
      ctx.font = `14px "${CHART_FONT}"`;
      ctx.fillStyle = "#52606d";
      markers.forEach((row, d) => {
        const elements = chart.getDatasetMeta(d).data;
        row.forEach((marker, i) => {
          if (!marker) return;
          // Where this dataset's bar would be (Chart.js places it even without a value), else the category.
          const el = elements[i] as { x?: number; y?: number } | undefined;
          const own = horizontal ? el?.y : el?.x;
          const along = Number.isFinite(own) ? (own as number) : index.getPixelForValue(i);
          const zero = value.getPixelForValue(0);
          if (horizontal) {
            ctx.textAlign = "left";
            ctx.textBaseline = "middle";
            ctx.fillText(marker, zero + 6, along);
          } else {
            ctx.textAlign = "center";
            ctx.textBaseline = "bottom";
            ctx.fillText(marker, along, zero - 4);
          }
        });
      });
      ctx.restore();
    },
  };
}

export interface RenderOptions {
  width?: number;
  height?: number;
  markers?: (string | null)[][];
}

/** Draws one chart and returns the PNG. */
export function renderChart(config: ChartConfiguration, opts: RenderOptions = {}): Buffer {
  setUp();
  const canvas: Canvas = createCanvas(opts.width ?? 1000, opts.height ?? 560);
  const plugins = [background, ...(opts.markers ? [markerPlugin(opts.markers)] : []), ...(config.plugins ?? [])];
  const chart = new Chart(canvas as unknown as ChartItem, {
    ...config,
    plugins,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 },
  });
  try {
    return canvas.toBuffer("image/png");
  } finally {
    chart.destroy();
  }
}
