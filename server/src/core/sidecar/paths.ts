const ARTICLE_EXTENSION = /\.txt$/i;
const SIDECAR_SUFFIX = '.annotations.json';

/** `seeds/000_x.txt` → `seeds/000_x.annotations.json`: the sidecar sits beside its article. */
export function sidecarPathFor(articlePath: string): string {
  if (isSidecarPath(articlePath)) throw new Error(`${articlePath} is a sidecar, not an article`);
  return articlePath.replace(ARTICLE_EXTENSION, '') + SIDECAR_SUFFIX;
}

export function isSidecarPath(path: string): boolean {
  const fileName = path.split(/[/\\]/).pop() ?? '';
  return fileName.length > SIDECAR_SUFFIX.length && fileName.endsWith(SIDECAR_SUFFIX);
}
