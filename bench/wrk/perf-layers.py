#!/usr/bin/env python3
"""Splits a profile of a service's samples into the layers of a request (BENCHMARKS.md, session 22).

    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 <the usual service settings> dotnet ConflictGraph.Api.dll
    perf record -e cpu-clock -F 999 -g -p PID -o perf.data -- sleep 40      # under load
    perf script -i perf.data > perf.txt
    python3 bench/wrk/perf-layers.py perf.txt

Each sample goes to the first rule its stack meets, innermost frame first where a rule looks at one frame:
a pread anywhere on the stack; fstat or fcntl; SQLite's own code on top; the core's parsing of node bodies;
a frame of our store, Microsoft.Data.Sqlite or SQLitePCL; the thread pool's spinning and waits; socket calls;
then the innermost frame of our API, GraphQL.NET, System.Text.Json or ASP.NET Core; what is left (no managed frame
of those) is the runtime's (GC, allocation, stubs) or the kernel's on its behalf.
"""
import collections
import re
import sys

FRAME = re.compile(r'\s*([0-9a-f]+)\s+(.*?)\s+\((.*)\)\s*$')


def samples(path):
    stack = None
    with open(path, errors='replace') as lines:
        for line in lines:
            if not line.strip():
                if stack is not None:
                    yield stack
                stack = None
            elif not line.startswith((' ', '\t')):
                stack = []
            elif stack is not None:
                m = FRAME.match(line)
                if m:
                    stack.append((m.group(2), m.group(3)))
    if stack is not None:
        yield stack


def layer(stack):
    def anywhere(*parts):
        return any(any(p in symbol for p in parts) for symbol, _ in stack)

    top_module = stack[0][1]
    if anywhere('__libc_pread', 'pread64'):
        return 'store: pread (libc, kernel)'
    if anywhere('fstatat', '__fcntl'):
        return 'store: fstat, fcntl'
    if 'sqlite' in top_module:
        return "store: SQLite's own code"
    if anywhere('ConflictGraph.Core.Import.NodeJson', 'GraphInputMapper'):
        return 'store: node bodies parsed (core)'
    if anywhere('ConflictGraph.Sqlite', 'Microsoft.Data.Sqlite', 'SQLitePCL'):
        return 'store: ours, Microsoft.Data.Sqlite, SQLitePCL (managed)'
    if anywhere('sched_yield', 'LowLevelLifoSemaphore', 'futex'):
        return 'thread pool: spinning, waits'
    if anywhere('__send', '__libc_recv', 'epoll_wait', 'SocketAsyncEngine'):
        return 'sockets: send, recv, epoll'
    for symbol, _ in stack:
        if 'ConflictGraph.Api' in symbol:
            return 'API: ours'
        if 'GraphQL' in symbol:
            return 'GraphQL.NET'
        if 'System.Text.Json' in symbol:
            return 'System.Text.Json'
        if 'Microsoft.AspNetCore' in symbol or 'System.IO.Pipelines' in symbol:
            return 'Kestrel, ASP.NET Core (managed)'
    return 'runtime, kernel with no managed frame of the above'


def main(path):
    counts = collections.Counter()
    total = 0
    for stack in samples(path):
        if stack:
            counts[layer(stack)] += 1
            total += 1
    print(f'{total} samples')
    print('| Layer | share |\n|---|---:|')
    for name, count in counts.most_common():
        print(f'| {name} | {100 * count / total:.1f}% |')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: perf-layers.py PERF_SCRIPT_OUTPUT')
    main(sys.argv[1])
