#!/usr/bin/env bash
# Scaling table for README "Performance": wall time, CPU time and peak RSS of `risksim run` (every
# output written, 2 threads) as trials, horizon months and placement types grow.
# Usage: benchmarks/scaling/scaling.sh [RISKSIM]   (from the repository root; prints a Markdown table)
set -euo pipefail
R=${1:-src/RiskSim.Cli/bin/Release/net10.0/risksim}
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
row() {  # row LABEL SCENARIO TRIALS
  /usr/bin/time -f "%e %U %S %M" -o "$W/t" "$R" run "$2" --trials "$3" --seed 5 --threads 2 --out "$W/o" --force --quiet >/dev/null
  read -r wall user sys rss < "$W/t"
  awk -v l="$1" -v n="$3" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN{printf "| %s | %d | %.1f s | %.1f s | %.0f µs | %d MiB |\n", l, n, w, u+s, (u+s)/n*1e6, r/1024}'
}
echo "| case | trials | wall | CPU (user+sys) | CPU per trial | peak RSS |"
echo "| --- | --- | --- | --- | --- | --- |"
S=data/scenarios/staffordshire-2019.yaml
for n in 10000 100000 ${SCALING_MILLION:+1000000}; do row "Staffordshire (78 months, 6 types)" $S $n; done
# The starter scenario (36 months, 4 types) stretched in months and multiplied in types.
python3 - "$W" <<'PY'
import re, sys
w = sys.argv[1]
base = open('src/RiskSim.Cli/Templates/starter.yaml').read().replace('name: NAME', 'name: scaling')
for end, months in (('2028-03', 36), ('2031-03', 72), ('2037-03', 144)):
    open(f'{w}/months{months}.yaml', 'w').write(base.replace('end: 2028-03            #', f'end: {end}            #'))
types = re.search(r'placement_types:\n(.*?)\n\n', base, re.S).group(1)
blocks = re.split(r'\n(?=  - id:)', types)
for copies in (2, 4):
    out = []
    for c in range(copies):
        for b in blocks:
            b = re.sub(r'id: (\w+)', lambda m: f'id: {m.group(1)}{c}', b, count=1)
            b = re.sub(r'stock_share: ([0-9.]+)', lambda m: f'stock_share: {float(m.group(1)) / copies!r}', b)
            out.append(b)
    text = base.replace(types, '\n'.join(out))
    text = text.replace('from: residential, to: ifa', 'from: residential0, to: ifa0').replace('from: residential\n', 'from: residential0\n').replace('to: ifa\n', 'to: ifa0\n')
    open(f'{w}/types{4 * copies}.yaml', 'w').write(text)
PY
for m in 36 72 144; do row "starter, $m months, 4 types" "$W/months$m.yaml" 20000; done
for k in 8 16; do row "starter, 36 months, $k types" "$W/types$k.yaml" 20000; done
