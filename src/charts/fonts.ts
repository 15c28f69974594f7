// The chart font: Noto Sans Khmer (OFL, with Latin glyphs) from the npm package, registered with Skia once.
// No system font and nothing downloaded: the TTF files ship in node_modules (see ../shared/design/charts.md).
import { createRequire } from "node:module";
import { GlobalFonts } from "@napi-rs/canvas";

export const CHART_FONT = "Noto Sans Khmer";
const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: require.resolve("@expo-google-fonts/noto-sans-khmer/400Regular/NotoSansKhmer_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans-khmer/700Bold/NotoSansKhmer_700Bold.ttf"),
};

let registered = false;

export function registerChartFonts(): void {
  if (registered) return;
  for (const file of Object.values(FONT_FILES)) {
    if (!GlobalFonts.registerFromPath(file, CHART_FONT)) throw new Error(`could not load the chart font ${file}`);
  }
  registered = true;
}
