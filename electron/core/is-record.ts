// The one test for "a map of values" in data read from outside (a config, a YAML file, an IPC
// payload): an object that is neither null nor a list.

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
