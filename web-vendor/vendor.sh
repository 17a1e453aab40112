#!/bin/sh
# Copy the front-end files the dashboard needs from npm into
# src/scamtrace/web/static/vendor/ (committed), and record name, version and
# licence of each in static/vendor/README.md. Run by a developer when a version
# changes; the application never reaches npm or a CDN at run time.
#
#   sh web-vendor/vendor.sh
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DEST="$HERE/../src/scamtrace/web/static/vendor"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cp "$HERE/package.json" "$WORK/"
[ -f "$HERE/package-lock.json" ] && cp "$HERE/package-lock.json" "$WORK/"
# --ignore-scripts: vendored packages never get to run code on the build machine.
(cd "$WORK" && npm install --ignore-scripts --no-audit --no-fund --silent)
cp "$WORK/package-lock.json" "$HERE/package-lock.json"

NM="$WORK/node_modules"
mkdir -p "$DEST/cytoscape" "$DEST/world-atlas"
cp "$NM/cytoscape/dist/cytoscape.min.js" "$DEST/cytoscape/"
cp "$NM/cytoscape/LICENSE" "$DEST/cytoscape/LICENSE"
cp "$NM/world-atlas/countries-110m.json" "$DEST/world-atlas/"
cp "$NM/world-atlas/LICENSE" "$DEST/world-atlas/LICENSE"

field() { node -e "process.stdout.write(String(require('$NM/$1/package.json').$2))"; }

cat > "$DEST/README.md" <<MD
# Vendored front-end files

Copied from npm by \`web-vendor/vendor.sh\` (versions pinned in
\`web-vendor/package.json\` and \`package-lock.json\`). Served from
\`/static/vendor/\`; nothing is loaded from a CDN at run time.

| package | version | licence | files | used for |
|---|---|---|---|---|
| cytoscape | $(field cytoscape version) | $(field cytoscape license) | \`cytoscape/cytoscape.min.js\`, \`cytoscape/LICENSE\` | the indicator graph on the operation page |
| world-atlas | $(field world-atlas version) | $(field world-atlas license) (data: Natural Earth, public domain) | \`world-atlas/countries-110m.json\`, \`world-atlas/LICENSE\` | the offline world map, drawn as SVG on the server |
MD
echo "vendored into $DEST"
