// Resolves PSEUDONYM_KEY: from the environment, or (outside production) generated once and kept in DATA_DIR
// so pseudonyms stay stable across restarts of a local install.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export async function resolvePseudonymKey(envKey: string | undefined, dataDir: string): Promise<string> {
  if (envKey) return envKey;
  const file = path.resolve(dataDir, "pseudonym.key");
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (existing.length >= 32) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("hex");
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}
