// Vitest setup file: no test may leave a process behind. A process a test started is killed (with its whole
// process group) after that test, passed, failed or timed out; processes a file started in beforeAll are killed
// when the file ends; and if the test worker itself exits, on its way out.
import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeEach } from "vitest";
import { killAllProcesses, killProcessesSince, processMark } from "./helpers/process.js";

let before: ChildProcess[] = [];
beforeEach(() => {
  before = processMark();
});
afterEach(() => killProcessesSince(before));
afterAll(() => killAllProcesses());
process.once("exit", () => killAllProcesses());
