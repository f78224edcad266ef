#!/usr/bin/env python3
"""Tab latency in the real shell (issue 9): `conductor` on a pseudo-terminal against the embedded sandbox, 1,000
lines typed at once with and without a Tab; the difference per line is what a Tab costs (completion, the edit and
the redraw). Usage: benchmarks/tab_latency.py PATH/TO/conductor. A benchmark, not a test: it prints figures."""
import os, pty, select, sys, tempfile, time

home = tempfile.mkdtemp(prefix="conductor-tab-bench-")
env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home + "/config", XDG_STATE_HOME=home + "/state",
           XDG_CACHE_HOME=home + "/cache", XDG_DATA_HOME=home + "/data", TERM="xterm", LANG="C.UTF-8", NO_COLOR="1")
for name in ("OCTOPUS_URL", "OCTOPUS_API_KEY", "OCTOPUS_SPACE"):
    env.pop(name, None)
binary = os.path.abspath(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(home)
    os.execve(binary, [binary], env)
os.set_blocking(fd, False)
output = b""


def pump(data=b"", until=None, timeout=120):
    """Writes `data` while reading (the shell blocks when nobody reads), then reads until `until` shows."""
    global output
    deadline = time.time() + timeout
    while data or (until and until not in output):
        if time.time() > deadline:
            sys.exit("timed out waiting for %r; the end of the output: %r" % (until, output[-300:]))
        readable, writable, _ = select.select([fd], [fd] if data else [], [], 1)
        if readable:
            try:
                output += os.read(fd, 65536)
            except (BlockingIOError, OSError):
                pass
        if writable:
            try:
                data = data[os.write(fd, data[:256]):]
            except BlockingIOError:
                pass


def seconds(line, count=1000):
    global output
    output = b""
    marker = b"done-%d" % time.monotonic_ns()
    start = time.perf_counter()
    pump(line * count + b"echo " + marker + b"\r", until=b"\n" + marker)
    return time.perf_counter() - start


pump(until=b"Default@sandbox> ")
catalogue = os.path.join(home, "cache", "conductor")
while not any(name.startswith("catalogue-") for name in (os.listdir(catalogue) if os.path.isdir(catalogue) else [])):
    time.sleep(0.05)  # the first background refresh writes the catalogue
for line in (b"find to Sta", b'releases "Web API" 2021.1.0.1', b"use projects We"):
    typed = seconds(line + b"\x15")
    tabbed = seconds(line + b"\t\x15")
    print('1,000 x "%s<Tab>": %.3f s, the same keys without Tab %.3f s: %.3f ms per Tab'
          % (line.decode(), tabbed, typed, (tabbed - typed)))
os.write(fd, b"\x04")
