// Callback data is a short "namespace:part:part" string. It names an action, never an authority:
// every handler re-checks the sender's role on the server. Telegram allows 1–64 bytes.
export function cb(namespace: string, ...parts: (string | number)[]): string {
  const data = [namespace, ...parts].join(":");
  if (Buffer.byteLength(data, "utf8") > 64) throw new Error(`callback data over 64 bytes: ${namespace}`);
  return data;
}

export function parseCb(data: string | undefined, namespace: string): string[] | null {
  if (!data) return null;
  const parts = data.split(":");
  return parts[0] === namespace ? parts.slice(1) : null;
}
