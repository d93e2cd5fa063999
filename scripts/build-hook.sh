#!/bin/sh
# Compiles csd's hook (plugin/hooks/csd-hook.c) when there is a C compiler. Without one, the hook command
# runs plugin/hooks/csd-hook.pl instead: the same events, ~3 ms more CPU per event.
set -eu
cd "$(dirname "$0")/.."
out=plugin/hooks/csd-hook
rm -f "$out"
compiler=${CC:-cc}
if command -v "$compiler" >/dev/null 2>&1; then
  "$compiler" -O2 -Wall -Wextra -o "$out" plugin/hooks/csd-hook.c
else
  echo "csd: no C compiler ($compiler): the hook runs on Perl" >&2
fi
