/**
 * Finds the README blocks a user copies as a program: the TypeScript blocks of the sections
 * "Quick start", "Compatibility" and "Use with…" (with their subsections). For each it says which
 * entry of ours it imports, and so which `ai` major it is for, and which other packages it needs.
 */

const RUN_SECTIONS = [/^Quick start$/, /^Compatibility$/, /^Use with/];
const OWN_OR_BASE = /^(ai|zod|wandb-ai-provider)(\/|$)|^node:/;

/** @param {string} markdown */
export function extractSnippets(markdown) {
  const lines = markdown.split('\n');
  const snippets = [];
  let section;
  let block; // the TypeScript block being read
  let otherFence = false; // inside a block of another language
  for (const [offset, line] of lines.entries()) {
    const fence = line.startsWith('```');
    if (block) {
      if (fence) {
        snippets.push(toSnippet(block, snippets.length + 1));
        block = undefined;
      } else block.code.push(line);
    } else if (otherFence) {
      otherFence = !fence;
    } else if (fence) {
      if (section && /^```(ts|typescript)\s*$/.test(line))
        block = { section, line: offset + 1, code: [] };
      else otherFence = true;
    } else {
      const heading = /^## (.+)$/.exec(line);
      if (heading) section = RUN_SECTIONS.some(re => re.test(heading[1])) ? heading[1] : undefined;
    }
  }
  return snippets;
}

function toSnippet(block, index) {
  const code = `${block.code.join('\n')}\n`;
  const specifiers = [...code.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map(match => match[1]);
  const entries = specifiers.filter(s => /^wandb-ai-provider(\/v\d)?$/.test(s));
  if (entries.length !== 1)
    throw new Error(
      `README line ${block.line}: a runnable block imports exactly one wandb-ai-provider entry`,
    );
  const packages = [
    ...new Set(
      specifiers
        .filter(s => !OWN_OR_BASE.test(s))
        .map(s =>
          s
            .split('/')
            .slice(0, s.startsWith('@') ? 2 : 1)
            .join('/'),
        ),
    ),
  ].sort();
  return {
    section: block.section,
    index,
    line: block.line,
    name: `snippet-${index}`,
    code,
    entry: entries[0],
    packages,
  };
}
