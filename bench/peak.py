"""Run one command and print its wall time and peak memory as JSON.

A small process of its own, so that the child's peak resident set is not
confused with the benchmark's (a forked child starts with its parent's pages).
"""

import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "peak_mb": peak_kb / 1024, "code": proc.returncode,
                  "stderr": proc.stderr.decode(errors="replace")[-500:]}))
