// Stand-in for the `fs` module, used only for imports made from inside
// @modelcontextprotocol/conformance. Version 0.1.16 of that package does
// `import { globSync } from 'fs'`, which Node added in v22; on Node 20 the
// import fails at load time and no subcommand can run. This module re-exports
// everything from node:fs and adds a small globSync that understands the only
// pattern shape the suite uses ('**/<file name>', used by `tier-check`).
import * as nodeFs from 'node:fs';
import path from 'node:path';

export * from 'node:fs';
export default nodeFs.default ?? nodeFs;

export function globSync(pattern, options = {}) {
  if (typeof nodeFs.globSync === 'function' && nodeFs.globSync !== globSync) {
    return nodeFs.globSync(pattern, options); // real one on Node >= 22
  }
  const root = options.cwd ?? process.cwd();
  const wanted = String(pattern).replace(/^\*\*\//, '');
  const found = [];
  const visit = (relDir) => {
    let entries;
    try {
      entries = nodeFs.readdirSync(path.join(root, relDir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = relDir ? path.join(relDir, entry.name) : entry.name;
      if (entry.isDirectory()) visit(rel);
      else if (entry.name === wanted) found.push(rel);
    }
  };
  visit('');
  return found;
}
