#!/usr/bin/env python3
"""cpu-per-request.py PID_A:PORT_A PID_B:PORT_B N JSON_FILTERS: for each events filter, N requests to A then to B, three times, printing the
services' CPU (utime + stime from /proc) a request for each block; warm both up first (a fresh process pays its JIT)."""
def cpu(pid):
    f=open(f"/proc/{pid}/stat").read().rsplit(")",1)[1].split(); return (int(f[11])+int(f[12]))/os.sysconf("SC_CLK_TCK")
def ask(port, v, q="query($f: EventFilter){ events(filter: $f, first: 20) { totalCount nodes { id } } }"):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", json.dumps({"query": q, "variables": {"f": v}}).encode(), {"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=60).read()
(pa,a),(pb,b)=[x.split(":") for x in sys.argv[1:3]]
n=int(sys.argv[3]); vs=json.loads(sys.argv[4])
for v in vs:
    ra,rb=[],[]
    for w in range(3):
        for (p,port,r) in ((pa,a,ra),(pb,b,rb)):
            c0=cpu(p)
            for i in range(n): ask(port,v)
            r.append((cpu(p)-c0)/n*1000)
    print(v, "A ms CPU/req", [f"{x:.2f}" for x in ra], "B", [f"{x:.2f}" for x in rb])
