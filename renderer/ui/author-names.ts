// The name an author key is shown by: Docusaurus' authors.yml gives `slorber` its name. The front
// matter keeps the key; only the byline and the form's chips show the name.

/** `key`'s name in `names` (its own entries only: `constructor` is no name), else the key. */
export function authorName(names: Readonly<Record<string, string>> | undefined, key: string): string {
  return names !== undefined && Object.hasOwn(names, key) ? (names[key] ?? key) : key;
}
