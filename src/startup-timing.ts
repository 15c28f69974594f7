// Start-up phases, in milliseconds since the process started (performance.now()), logged with "Mitt is running"
// at debug level: where a slow start spends its time, without a profiler.
const marks: Record<string, number> = {};

export function markStartup(phase: string): void {
  marks[phase] = Math.round(performance.now());
}

export function startupMarks(): Record<string, number> {
  return { ...marks };
}
