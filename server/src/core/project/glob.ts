/**
 * Path globs as people write them in settings: `**` any folders, `*` any characters but `/`, `?` one
 * character, `{a,b}` alternatives. Matched against '/'-separated paths relative to a folder.
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  let inAlternatives = false;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      // "**/" matches zero or more whole folders; a trailing "**" matches everything below.
      const slash = glob[i + 2] === '/';
      pattern += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else if (char === '{') {
      inAlternatives = true;
      pattern += '(?:';
    } else if (char === '}' && inAlternatives) {
      inAlternatives = false;
      pattern += ')';
    } else if (char === ',' && inAlternatives) pattern += '|';
    else pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}
