"""azspec side by side with Tavern and wrk, on loopback, against the release emulator. Writes BENCHMARKS.md.

    bench/run.sh [TARGET…]       builds the release binary, then runs this (the quick targets by default)

Quick targets (about three minutes in all): peer, sequential, parallel, validate, memory, tokens.
Long ones, named explicitly: politeness (about 2.5 minutes), soak (about 2 minutes).

Every figure is the median of several runs (--runs, default 5; wrk 3 × 4 s); each run's peak RSS comes from
wait4(2). Results accumulate in bench/results.json (one entry per target, replaced when the target runs again), and
BENCHMARKS.md is written from all of them. Everything talks to 127.0.0.1 only.
"""
import argparse
import http.client
import http.server
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AZSPEC = os.path.join(ROOT, ".build-bench", "release", "azspec")
FLOOR = os.path.join(ROOT, ".build-bench", "release", "BenchFloor")
# The server is always this build's emulator, also when --azspec measures another client.
EMULATOR = AZSPEC
RESULTS = os.path.join(ROOT, "bench", "results.json")
REPORT = os.path.join(ROOT, "BENCHMARKS.md")
VENV = os.path.join(ROOT, "bench", ".venv")
QUICK = ["peer", "sequential", "parallel", "validate", "memory", "tokens"]
LONG = ["politeness", "soak", "release"]


# ---------------------------------------------------------------------------------------------------------------
# Processes and measurement


class Measured:
    """One child process: wall seconds, peak RSS (bytes), exit status and its output."""

    def __init__(self, seconds, peak, status, output):
        self.seconds, self.peak, self.status, self.output = seconds, peak, status, output


def measure(command, env=None, cwd=None, sample=None):
    """Runs a command to its end; `sample(pid)` is called every 20 ms while it runs (for RSS over time).

    The peak RSS comes from GNU time, a small process between this one and the command: a child forked from this
    (large) Python process would report the parent's resident size as its own peak (Linux carries the high-water mark
    across fork and exec)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", peak.name] + command, env=env, cwd=cwd, stdout=out,
                                 stderr=subprocess.STDOUT)
        while True:
            pid, status, _ = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if sample:
                sample(grandchild(child.pid))
            time.sleep(0.02 if sample else 0.002)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        kilobytes = int(peak.read().strip().splitlines()[-1])
        return Measured(seconds, kilobytes * 1024, child.returncode, out.read().decode(errors="replace"))


def grandchild(pid):
    """The command GNU time runs (its only child), or `pid` itself before it has started."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            found = children.read().split()
            return int(found[0]) if found else pid
    except OSError:
        return pid


def repeat(runs, command, env=None, cwd=None, expect=0):
    """The median wall time and peak RSS over `runs` runs; every run must exit with `expect`."""
    results = []
    for _ in range(runs):
        result = measure(command, env=env, cwd=cwd)
        if result.status != expect:
            sys.exit(f"{' '.join(command[:3])}… exited {result.status}:\n{result.output[-3000:]}")
        results.append(result)
    return statistics.median(r.seconds for r in results), statistics.median(r.peak for r in results), results[-1]


def rss(pid):
    """The current resident set of a process, in bytes (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def wrk(url, token, threads, connections, runs=3, seconds=4):
    """wrk's median request rate on one URL."""
    rates = []
    for _ in range(runs):
        out = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-H", f"Authorization: Bearer {token}", url],
            capture_output=True, text=True, check=True).stdout
        rates.append(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)))
    return statistics.median(rates)


def floor_rate(url, token, count, concurrency, runs):
    """The request rate of AsyncHTTPClient alone (bench/Floor) sending what azspec sends: azspec's ceiling."""
    rates = []
    for _ in range(runs):
        out = subprocess.run([FLOOR, url, token, str(count), str(concurrency)], capture_output=True, text=True, check=True)
        rates.append(count / float(out.stdout.strip()))
    return statistics.median(rates)


class Emulator:
    """`azspec emulator` on a loopback port; `env` holds the identity it serves (AZURE_* and the endpoints)."""

    def __init__(self, work, port, config=None):
        self.work, self.port = work, port
        self.base = f"http://127.0.0.1:{port}"
        env_file = os.path.join(work, f"emulator-{port}.env")
        command = [EMULATOR, "emulator", "--port", str(port), "--env-file", env_file]
        if config:
            command += ["--config", config]
        self.log = open(os.path.join(work, f"emulator-{port}.log"), "w")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(100):
            time.sleep(0.05)
            if os.path.exists(env_file) and os.path.getsize(env_file) > 0:
                break
        else:
            sys.exit(f"the emulator did not start: {open(self.log.name).read()}")
        time.sleep(0.1)
        self.env = {}
        for line in open(env_file):
            name, value = line.strip()[len("export "):].split("=", 1)
            self.env[name] = value.strip("'")
        self.env.update(AZURE_AUTHORITY_HOST=self.base, AZURE_RESOURCE_MANAGER_ENDPOINT=self.base)

    def token(self):
        form = urllib.parse.urlencode({
            "grant_type": "client_credentials", "client_id": self.env["AZURE_CLIENT_ID"],
            "client_secret": self.env["AZURE_CLIENT_SECRET"], "scope": self.base + "/.default"}).encode()
        with urllib.request.urlopen(f"{self.base}/{self.env['AZURE_TENANT_ID']}/oauth2/v2.0/token", data=form) as response:
            return json.load(response)["access_token"]

    def list_url(self):
        return f"{self.base}/subscriptions/{self.env['AZURE_SUBSCRIPTION_ID']}/resourcegroups?api-version=2021-04-01"

    def child_env(self):
        return {**os.environ, **self.env, "NO_COLOR": "1"}

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=10)
        self.log.close()


# ---------------------------------------------------------------------------------------------------------------
# Suites: the same requests written for azspec and for Tavern (JSON is YAML: both read these files as they are)


def azspec_suite(folder, files, gets, base, identity=False, assertion=True):
    """`files` spec files of one token request (or an identity) and `gets` resource-group lists each."""
    os.makedirs(folder, exist_ok=True)
    if identity:
        with open(os.path.join(folder, "azspec.yaml"), "w") as out:
            out.write("defaultIdentity: bench\nidentities:\n  bench: { kind: environment }\n")
    token = {"name": "token", "request": {
        "method": "POST", "url": "{{cloud.login}}/{{env.AZURE_TENANT_ID}}/oauth2/v2.0/token",
        "form": {"grant_type": "client_credentials", "client_id": "{{env.AZURE_CLIENT_ID}}",
                 "client_secret": "{{env.AZURE_CLIENT_SECRET}}", "scope": "{{cloud.arm}}/.default"}},
        "expect": {"status": 200}, "capture": {"token": "$.access_token"}}
    for f in range(files):
        tests = [] if identity else [token]
        for g in range(gets):
            request = {"url": "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups",
                       "query": {"api-version": "2021-04-01"}}
            if not identity:
                request["headers"] = {"Authorization": "Bearer {{token}}"}
            expect = {"status": 200}
            if assertion:
                expect["json"] = {"$.value[0].name": "rg-smoke"}
            tests.append({"name": f"list {g}", "request": request, "expect": expect})
        with open(os.path.join(folder, f"bench-{f:03}.yaml"), "w") as out:
            suite = {"name": f"bench {f}", "identity": True, "tests": tests} if identity else {"name": f"bench {f}", "tests": tests}
            json.dump(suite, out, indent=1)


def authoring_suite(folder, files):
    """`files` spec files written as issue 20's features write them: a list variable, a test repeated over it with
    `forEach` (10 items), one over a written-out list, and `schema` matchers naming JSON Schema files beside them (as
    a suite of many files would share them), plus 8 plain tests."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "azspec.yaml"), "w") as out:
        out.write("defaultIdentity: bench\nidentities:\n  bench: { kind: environment }\n")
    group = {"type": "object", "required": ["id", "name", "location"],
             "properties": {"name": {"type": "string", "pattern": "^rg-"}, "tags": {"type": "object"}}}
    os.makedirs(os.path.join(folder, "schemas"), exist_ok=True)
    with open(os.path.join(folder, "schemas", "group.json"), "w") as out:
        json.dump(group, out)
    with open(os.path.join(folder, "schemas", "groups.json"), "w") as out:
        json.dump({"type": "array", "items": {"$ref": "group.json"}}, out)
    url = "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups"
    for f in range(files):
        tests = [{"name": "read {{item}}", "forEach": "{{groups}}", "request": {"url": url + "/{{item}}", "query": {"api-version": "2021-04-01"}},
                  "expect": {"status": [200, 404], "time": {"lt": "2s"}, "json": {"$": {"schema": "schemas/group.json"}}}},
                 {"name": "where", "forEach": [{"name": f"rg-{i}", "location": "westeurope"} for i in range(10)],
                  "request": {"url": url + "/{{item.name}}", "query": {"api-version": "2021-04-01"}},
                  "expect": {"json": {"$.location": "{{item.location}}"}}}]
        for g in range(8):
            tests.append({"name": f"list {g}", "request": {"url": url, "query": {"api-version": "2021-04-01"}},
                          "expect": {"status": 200, "json": {"$.value": {"schema": "schemas/groups.json"}}}})
        suite = {"name": f"authoring {f}", "identity": True, "vars": {"groups": [f"rg-{i}" for i in range(10)]}, "tests": tests}
        with open(os.path.join(folder, f"authoring-{f:03}.yaml"), "w") as out:
            json.dump(suite, out, indent=1)


def tavern_suite(folder, files, gets, emulator, login=None):
    """The same suite as Tavern tests: a token stage (sent to `login`, the emulator by default), then `gets` stages
    checking the status and the first name."""
    os.makedirs(folder, exist_ok=True)
    env, base = emulator.env, emulator.base
    for f in range(files):
        stages = [{"name": "token", "request": {
            "method": "POST", "url": f"{login or base}/{env['AZURE_TENANT_ID']}/oauth2/v2.0/token",
            "data": {"grant_type": "client_credentials", "client_id": env["AZURE_CLIENT_ID"],
                     "client_secret": env["AZURE_CLIENT_SECRET"], "scope": base + "/.default"}},
            "response": {"status_code": 200, "save": {"json": {"token": "access_token"}}}}]
        for g in range(gets):
            stages.append({"name": f"list {g}", "request": {
                "method": "GET", "url": emulator.list_url(), "headers": {"Authorization": "Bearer {token}"}},
                "response": {"status_code": 200, "verify_response_with": {
                    "function": "tavern.helpers:validate_content",
                    "extra_kwargs": {"comparisons": [{"jmespath": "value[0].name", "operator": "eq", "expected": "rg-smoke"}]}}}})
        with open(os.path.join(folder, f"test_bench_{f:03}.tavern.yaml"), "w") as out:
            json.dump({"test_name": f"bench {f}", "stages": stages}, out, indent=1)


def tavern_python():
    """A virtual environment with Tavern from PyPI (made once, in bench/.venv); None when it cannot be made."""
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    probe = subprocess.run([python, "-c", "import tavern._core.pytest, jmespath"], capture_output=True)
    if probe.returncode != 0:
        install = subprocess.run([python, "-m", "pip", "install", "-q", "tavern", "jmespath", "pytest<9.1"], capture_output=True, text=True)
        if install.returncode != 0:
            print(f"  Tavern could not be installed from PyPI: {install.stderr.strip()[-300:]}")
            return None
    return python


def tavern_version(python):
    return subprocess.run([python, "-c", "import importlib.metadata as m; print(m.version('tavern'))"],
                          capture_output=True, text=True).stdout.strip()


# ---------------------------------------------------------------------------------------------------------------
# Targets: each returns a dict of figures for results.json


def target_peer(work, emulator, runs):
    """10 files × (1 token + 20 GETs): azspec ≤ 1/40 of Tavern's wall time."""
    azspec_suite(f"{work}/peer/azspec", 10, 20, emulator.base)
    tavern_suite(f"{work}/peer/tavern", 10, 20, emulator)
    azspec, azspec_rss, _ = repeat(runs, [AZSPEC, "run", f"{work}/peer/azspec", "--junit", f"{work}/peer.xml"], env=emulator.child_env())
    result = {"requests": 210, "azspec_seconds": azspec, "azspec_rss": azspec_rss}
    python = tavern_python()
    if python:
        tavern, tavern_rss, _ = repeat(runs, [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "."], cwd=f"{work}/peer/tavern")
        result.update(tavern_seconds=tavern, tavern_rss=tavern_rss, tavern_version=tavern_version(python), ratio=tavern / azspec)
    return result


def target_sequential(work, emulator, runs):
    """One file, 1 token + 2,000 sequential GETs with a status and a JSONPath assertion: ≥ 0.6 of wrk -t1 -c1."""
    azspec_suite(f"{work}/sequential", 1, 2000, emulator.base)
    seconds, peak, _ = repeat(runs, [AZSPEC, "run", f"{work}/sequential", "--jobs", "1", "--junit", f"{work}/seq.xml"],
                              env=emulator.child_env())
    rate = 2001 / seconds
    token = emulator.token()
    limit = wrk(emulator.list_url(), token, 1, 1)
    floor = floor_rate(emulator.list_url(), token, 2000, 1, runs)
    return {"requests": 2001, "azspec_seconds": seconds, "azspec_rss": peak, "azspec_rate": rate, "wrk_rate": limit,
            "ratio": rate / limit, "floor_rate": floor, "floor_ratio": floor / limit}


def target_parallel(work, emulator, runs):
    """50 files × (1 token + 200 GETs), --jobs 8: ≥ 0.5 of wrk -t2 -c8."""
    azspec_suite(f"{work}/parallel", 50, 200, emulator.base)
    requests = 50 * 201
    seconds, peak, _ = repeat(runs, [AZSPEC, "run", f"{work}/parallel", "--jobs", "8", "--junit", f"{work}/par.xml"],
                              env=emulator.child_env())
    rate = requests / seconds
    token = emulator.token()
    limit = wrk(emulator.list_url(), token, 2, 8)
    floor = floor_rate(emulator.list_url(), token, requests, 8, runs)
    return {"requests": requests, "azspec_seconds": seconds, "azspec_rss": peak, "azspec_rate": rate, "wrk_rate": limit,
            "ratio": rate / limit, "floor_rate": floor, "floor_ratio": floor / limit}


def target_validate(work, emulator, runs):
    """`azspec validate` of 500 files × 10 tests ≤ 0.3 s; Tavern's `pytest --collect-only` of the same suite beside it."""
    azspec_suite(f"{work}/validate/azspec", 500, 9, emulator.base)
    tavern_suite(f"{work}/validate/tavern", 500, 9, emulator)
    seconds, peak, _ = repeat(runs, [AZSPEC, "validate", f"{work}/validate/azspec"], env=emulator.child_env())
    result = {"files": 500, "tests": 5000, "azspec_seconds": seconds, "azspec_rss": peak}
    # Ten times the files: loading stays linear (seconds per file) and memory bounded.
    azspec_suite(f"{work}/validate/many", 5000, 9, emulator.base)
    many, many_rss, _ = repeat(max(1, runs // 2), [AZSPEC, "validate", f"{work}/validate/many"], env=emulator.child_env())
    shutil.rmtree(f"{work}/validate/many", ignore_errors=True)
    result.update(many_files=5000, many_seconds=many, many_rss=many_rss, per_file_ratio=(many / 5000) / (seconds / 500))
    # The same 500 files written with forEach and schema matchers: loading stays within the same target.
    authoring_suite(f"{work}/validate/authoring", 500)
    authoring, authoring_rss, _ = repeat(runs, [AZSPEC, "validate", f"{work}/validate/authoring"], env=emulator.child_env())
    result.update(authoring_seconds=authoring, authoring_rss=authoring_rss)
    python = tavern_python()
    if python:
        collect, collect_rss, _ = repeat(max(1, runs // 2), [python, "-m", "pytest", "-q", "--collect-only", "-p", "no:cacheprovider", "."],
                                         cwd=f"{work}/validate/tavern")
        result.update(tavern_seconds=collect, tavern_rss=collect_rss, ratio=collect / seconds)
    return result


class LoopbackServer:
    """A threaded HTTP server on a free 127.0.0.1 port, serving with `handler` until `stop()`."""

    def __init__(self, handler):
        handler.log_message = lambda *args: None
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()


class BodyServer(LoopbackServer):
    """Serves one file at /body on a loopback port, for the large-body figure (the emulator has no 50 MB answer)."""

    def __init__(self, path):
        body = open(path, "rb").read()

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        super().__init__(Handler)
        self.url = self.base + "/body"


def target_memory(work, emulator, runs):
    """A 50 MB JSON answer asserted with a JSONPath: peak RSS ≤ 3× the body. 10,000 tests: RSS over the run."""
    # An ARM-shaped list of 50 MB: resource groups with tags, then a marker the assertion reads.
    items, size = [], 0
    while size < 50_000_000:
        item = {"id": f"/subscriptions/s/resourceGroups/rg-{len(items):07}", "name": f"rg-{len(items):07}",
                "type": "Microsoft.Resources/resourceGroups", "location": "westeurope",
                "properties": {"provisioningState": "Succeeded"}, "tags": {"team": "platform", "cost": f"{len(items) % 97}"}}
        items.append(item)
        size += len(json.dumps(item)) + 1
    body_path = f"{work}/body.json"
    with open(body_path, "w") as out:
        json.dump({"value": items, "last": "end"}, out, separators=(",", ":"))
    del items
    body_size = os.path.getsize(body_path)
    server = BodyServer(body_path)
    os.makedirs(f"{work}/large", exist_ok=True)
    with open(f"{work}/large/large.yaml", "w") as out:
        out.write(f'name: large\ntests:\n  - name: fifty megabytes\n    request: {{ url: "{server.url}" }}\n'
                  '    expect: { status: 200, json: { $.last: end, "$.value[7].tags.team": platform } }\n')
    try:
        seconds, peak, _ = repeat(runs, [AZSPEC, "run", f"{work}/large", "--junit", f"{work}/large.xml"], env=emulator.child_env())
    finally:
        server.stop()
    # 10,000 tests in one run (10 files × 1,000, one identity): resident memory sampled every 20 ms.
    azspec_suite(f"{work}/many", 10, 1000, emulator.base, identity=True)
    samples = []
    result = measure([AZSPEC, "run", f"{work}/many", "--jobs", "2", "--junit", f"{work}/many.xml"], env=emulator.child_env(),
                     sample=lambda pid: samples.append((time.perf_counter(), rss(pid))))
    if result.status != 0:
        sys.exit(f"10,000 tests: exit {result.status}\n{result.output[-2000:]}")
    samples = [s for s in samples if s[1] > 0]
    start, end = samples[0][0], samples[-1][0]

    def at(fraction):
        moment = start + (end - start) * fraction
        return min(samples, key=lambda s: abs(s[0] - moment))[1]

    report_size = os.path.getsize(f"{work}/many.xml")
    return {"body_bytes": body_size, "body_seconds": seconds, "body_peak_rss": peak, "body_ratio": peak / body_size,
            "many_tests": 10000, "many_seconds": result.seconds, "many_peak_rss": result.peak,
            "many_rss_25": at(0.25), "many_rss_50": at(0.5), "many_rss_75": at(0.75), "many_rss_95": at(0.95),
            "many_report_bytes": report_size}


class CountingProxy(LoopbackServer):
    """Forwards to the emulator and counts token requests (POST …/oauth2/…/token), as the server sees them."""

    def __init__(self, upstream_port):
        self.tokens = 0
        self.requests = 0
        self.lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                with proxy.lock:
                    proxy.requests += 1
                    if self.command == "POST" and "/oauth2/" in self.path and self.path.endswith("/token"):
                        proxy.tokens += 1
                upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")}
                upstream.request(self.command, self.path, body=body, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("connection", "keep-alive", "transfer-encoding", "content-length"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                upstream.close()

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = forward

        super().__init__(Handler)


def target_tokens(work, emulator, runs):
    """Token requests per run, counted on the wire: azspec (an identity, 10 files) beside Tavern (10 files)."""
    proxy = CountingProxy(emulator.port)
    try:
        # Only Entra goes through the proxy: ARM stays the emulator's own address, which tokens are issued for.
        azspec_suite(f"{work}/tokens/azspec", 10, 20, emulator.base, identity=True)
        env = {**emulator.child_env(), "AZURE_AUTHORITY_HOST": proxy.base}
        outcome = measure([AZSPEC, "run", f"{work}/tokens/azspec", "--junit", f"{work}/tokens.xml"], env=env)
        if outcome.status != 0:
            sys.exit(f"tokens: azspec exited {outcome.status}\n{outcome.output[-2000:]}")
        result = {"identities": 1, "azspec_token_requests": proxy.tokens}
        python = tavern_python()
        if python:
            tavern_suite(f"{work}/tokens/tavern", 10, 20, emulator, login=proxy.base)
            proxy.tokens = 0
            measure([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "."], cwd=f"{work}/tokens/tavern")
            result.update(tavern_token_requests=proxy.tokens)
        return result
    finally:
        proxy.stop()


POLITE_SUBSCRIPTION = "99999999-8888-7777-6666-555555555555"
POLITE_TENANT = "11111111-2222-3333-4444-555555555555"


def bucket_emulator_config(work, burst, refill, lifetime=3599):
    path = f"{work}/bucket-{burst}-{refill}-{lifetime}.yaml"
    with open(path, "w") as out:
        out.write(f"""tokenLifetime: {lifetime}
tokenBucket: {{ reads: {{ burst: {burst}, refill: {refill} }} }}
tenants:
  - id: {POLITE_TENANT}
    servicePrincipals:
      - {{ name: app, clientId: a0000000-0000-4000-8000-000000000001, objectId: b0000000-0000-4000-8000-000000000001, secrets: [app-secret-value] }}
    subscriptions: [ {{ id: {POLITE_SUBSCRIPTION} }} ]
    roleAssignments:
      - {{ principal: app, role: Reader, scope: /subscriptions/{POLITE_SUBSCRIPTION} }}
""")
    return path


def reads_suite(folder, reads, files, project):
    os.makedirs(folder, exist_ok=True)
    per_file = -(-reads // files)
    for f in range(files):
        with open(f"{folder}/f{f:02}.yaml", "w") as out:
            out.write(f"name: reads {f}\nidentity: app\ntests:\n")
            for i in range(per_file):
                out.write(f'  - {{ name: read {i}, request: {{ url: "/subscriptions/{POLITE_SUBSCRIPTION}/resourcegroups" }}, '
                          "expect: { status: 200 } }\n")
    with open(f"{folder}/azspec.yaml", "w") as out:
        out.write("identities:\n  app: { kind: clientSecret, tenant: " + POLITE_TENANT
                  + ", clientId: a0000000-0000-4000-8000-000000000001, secret: app-secret-value }\n"
                  + 'apiVersion: "2021-04-01"\n' + project)
    return per_file * files


def target_politeness(work, _emulator, _runs):
    """2,000 reads, --jobs 16, the emulator's bucket of 250 + 25/s, retries off: 0 throttled with the rate limit."""
    config = bucket_emulator_config(work, 250, 25)
    result = {}
    for name, setting in [("on", "true"), ("off", "false")]:
        emulator = Emulator(work, 18431 if name == "on" else 18432, config)
        try:
            reads = reads_suite(f"{work}/polite-{name}", 2000, 16, f"retry: false\nrateLimit: {setting}\n")
            env = {**os.environ, "AZURE_AUTHORITY_HOST": emulator.base, "AZURE_RESOURCE_MANAGER_ENDPOINT": emulator.base, "NO_COLOR": "1"}
            outcome = measure([AZSPEC, "run", f"{work}/polite-{name}", "--jobs", "16", "--junit", f"{work}/polite-{name}.xml"], env=env)
            result[f"{name}_reads"] = reads
            result[f"{name}_throttled"] = outcome.output.count("got 429")
            result[f"{name}_seconds"] = outcome.seconds
        finally:
            emulator.stop()
    return result


def target_soak(work, _emulator, _runs):
    """10,000 reads over tokens that live 30 s, --jobs 8, paced to ~100 s: failures, renewals and RSS over time."""
    lifetime, rate = 30, 100
    config = bucket_emulator_config(work, rate, rate, lifetime=lifetime)
    emulator = Emulator(work, 18433, config)
    proxy = CountingProxy(emulator.port)
    try:
        # The client's own limit paces the run to the emulator's bucket, so it lasts long enough to cross expiries.
        reads = reads_suite(f"{work}/soak", 10000, 8, f"rateLimit: {{ reads: {{ burst: {rate}, refill: {rate} }}, margin: 0 }}\n")
        # Token requests go through the counting proxy; ARM is the emulator's own address (the tokens' audience).
        env = {**os.environ, "AZURE_AUTHORITY_HOST": proxy.base, "AZURE_RESOURCE_MANAGER_ENDPOINT": emulator.base, "NO_COLOR": "1"}
        samples = []
        outcome = measure([AZSPEC, "run", f"{work}/soak", "--jobs", "8", "--junit", f"{work}/soak.xml"], env=env,
                          sample=lambda pid: samples.append((time.perf_counter(), rss(pid))))
        samples = [s for s in samples if s[1] > 0]
        if outcome.status not in (0, 1) or outcome.seconds < 10:
            sys.exit(f"soak: azspec exited {outcome.status} after {outcome.seconds:.1f} s\n{outcome.output[-3000:]}")
        summary = outcome.output.strip().splitlines()[-1]
        passed = int(re.search(r"(\d+) passed", summary).group(1))
        failed = int(re.search(r"(\d+) failed", summary).group(1))
        acquired = re.search(r"(\d+) tokens? acquired", outcome.output)
        # A token is renewed half-way through its life (it lives less than 10 minutes): one at the start, then one
        # every lifetime/2 seconds of the run.
        expected = 1 + int(outcome.seconds // (lifetime / 2))
        start, end = samples[0][0], samples[-1][0]
        early = [s[1] for s in samples if s[0] - start >= 5][:25]  # a second's worth once the run is under way
        late = [s[1] for s in samples if end - s[0] <= 1.0]
        return {"requests": reads, "seconds": outcome.seconds, "passed": passed, "failed": failed, "status": outcome.status,
                "token_requests": proxy.tokens, "tokens_acquired": int(acquired.group(1)) if acquired else 0,
                "expected_tokens": expected, "lifetime": lifetime, "rss_start": statistics.median(early),
                "rss_end": statistics.median(late), "rss_peak": outcome.peak,
                "throttled": outcome.output.count("got 429")}
    finally:
        proxy.stop()
        emulator.stop()


def startup(command, runs=20, cwd=None, env=None):
    """The median wall time of `command` over `runs` runs (start-up: the command does little else)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def target_release(work, emulator, runs):
    """The release archive (scripts/release.sh): its size, and the start-up of its binary beside a `swift run` start."""
    version = re.search(r'public static let current = "([^"]+)"',
                        open(os.path.join(ROOT, "Sources/AzspecKit/Support/AzspecVersion.swift")).read()).group(1)
    name = f"azspec-{version}-linux-{platform.machine()}"
    archive = os.path.join(ROOT, "dist", f"{name}.tar.gz")
    if not os.path.exists(archive):
        sys.exit(f"no {os.path.relpath(archive, ROOT)}: run scripts/release.sh first")
    subprocess.run(["tar", "-xzf", archive, "-C", work], check=True)
    binary = os.path.join(work, name, "azspec")
    specs = os.path.join(ROOT, "specs")
    result = {"archive_bytes": os.path.getsize(archive), "binary_bytes": os.path.getsize(binary),
              "version_seconds": startup([binary, "--version"]),
              "validate_seconds": startup([binary, "validate", "--emulator", specs])}
    # `swift run` with everything built already: what a from-source user pays at every start.
    subprocess.run(["swift", "build", "--product", "azspec"], cwd=ROOT, check=True, capture_output=True)
    result["swift_run_seconds"] = startup(["swift", "run", "azspec", "--version"], runs=5, cwd=ROOT)
    return result


TARGETS = {name: globals()[f"target_{name}"] for name in QUICK + LONG}


# ---------------------------------------------------------------------------------------------------------------
# BENCHMARKS.md


def mb(value):
    return f"{value / 1e6:.0f} MB"


def render(results):
    machine = results.get("_machine", {})
    lines = ["# Benchmarks", "",
             "azspec beside Tavern (the peer users would otherwise pick) and `wrk` (what loopback allows), against the same",
             "release-built emulator on 127.0.0.1. Written by `bench/run.sh` (quick targets) and `bench/run.sh politeness soak`;",
             "each figure is the median of several runs (wrk: 3 × 4 s); RSS is the peak GNU time reports (`%M`).", "",
             f"Machine: {machine.get('cpus', '?')} cores ({machine.get('cpu', '?')}), {machine.get('system', '?')}; "
             f"Swift {machine.get('swift', '?')}; Tavern {machine.get('tavern', 'not installed')}; wrk {machine.get('wrk', '?')}.", "",
             "| target | goal | measured | ratio | met | when, command |", "| --- | --- | --- | --- | --- | --- |"]

    def row(name, goal, measured, ratio, met, key):
        entry = results.get(key, {})
        lines.append(f"| {name} | {goal} | {measured} | {ratio} | {'yes' if met else '**no**'} | {entry.get('_date', '?')}, `{entry.get('_command', '?')}` |")

    if "peer" in results:
        r = results["peer"]
        ratio = r.get("ratio")
        row("peer suite: 10 files × (1 token + 20 GETs)", "azspec ≤ 1/40 of Tavern",
            f"azspec {r['azspec_seconds']:.3f} s, Tavern {r.get('tavern_seconds', float('nan')):.2f} s",
            f"Tavern/azspec {ratio:.1f}×" if ratio else "n/a", bool(ratio and ratio >= 40), "peer")
    against_wrk = [
        ("sequential", "1 file, 1 token + 2,000 sequential GETs, status + JSONPath each", "`wrk -t1 -c1`", 0.6, ""),
        ("parallel", "50 files × (1 token + 200 GETs), `--jobs 8`", "`wrk -t2 -c8`", 0.5, ", 8 sequences"),
    ]
    for key, name, limit, goal, lanes in against_wrk:
        if key not in results:
            continue
        r = results[key]
        floor = f"AsyncHTTPClient alone{lanes} {r['floor_rate']:.0f} req/s ({r['floor_ratio']:.2f} of wrk)" if "floor_rate" in r else ""
        row(name, f"≥ {goal} of {limit}",
            f"azspec {r['azspec_seconds']:.3f} s = {r['azspec_rate']:.0f} req/s; wrk {r['wrk_rate']:.0f} req/s; {floor}",
            f"{r['ratio']:.2f}", r["ratio"] >= goal, key)
    if "validate" in results:
        r = results["validate"]
        tavern = f"; Tavern `pytest --collect-only` {r['tavern_seconds']:.2f} s" if "tavern_seconds" in r else ""
        row("`validate` of 500 files × 10 tests", "≤ 0.3 s", f"azspec {r['azspec_seconds']:.3f} s, {mb(r['azspec_rss'])}{tavern}",
            f"Tavern/azspec {r['ratio']:.0f}×" if "ratio" in r else "n/a", r["azspec_seconds"] <= 0.3, "validate")
        if "authoring_seconds" in r:
            row("`validate` of 500 files × 10 tests with `forEach` (over 10 items, 2 per file) and `schema` files", "≤ 0.3 s",
                f"azspec {r['authoring_seconds']:.3f} s, {mb(r['authoring_rss'])}", "n/a", r["authoring_seconds"] <= 0.3, "validate")
        if "many_seconds" in r:
            row("`validate` of 5,000 files × 10 tests (thousands of files)", "linear: time per file as for 500",
                f"azspec {r['many_seconds']:.2f} s, {mb(r['many_rss'])}", f"per file {r['per_file_ratio']:.2f}× the 500-file run",
                r["per_file_ratio"] <= 1.3, "validate")
    if "memory" in results:
        r = results["memory"]
        row("a 50 MB JSON answer asserted with JSONPath", "peak RSS ≤ 3× the body",
            f"{mb(r['body_peak_rss'])} for {mb(r['body_bytes'])}", f"{r['body_ratio']:.2f}×", r["body_ratio"] <= 3, "memory")
        growth = r["many_rss_95"] - r["many_rss_25"]
        share = r["many_report_bytes"] * 0.7
        row("10,000 tests in one run (10 files × 1,000)", "RSS grows no more than the report",
            f"RSS at 25/50/75/95 % of the run: {mb(r['many_rss_25'])}, {mb(r['many_rss_50'])}, {mb(r['many_rss_75'])}, "
            f"{mb(r['many_rss_95'])}; JUnit report {mb(r['many_report_bytes'])}",
            f"growth {growth / 1e6:.1f} MB for 70 % of the tests (report share {share / 1e6:.1f} MB)", growth <= share, "memory")
    if "tokens" in results:
        r = results["tokens"]
        tavern = f"Tavern {r['tavern_token_requests']} (a token stage per file)" if "tavern_token_requests" in r else "Tavern n/a"
        row("token requests per run, counted on the wire: 10 files × 20 GETs, one identity",
            "= distinct (identity, audience) pairs = 1", f"azspec {r['azspec_token_requests']}; {tavern}", "",
            r["azspec_token_requests"] == 1, "tokens")
    if "politeness" in results:
        r = results["politeness"]
        row("2,000 reads, `--jobs 16`, emulator bucket 250 + 25/s, retries off", "no 429",
            f"rate limit on: {r['on_throttled']} throttled in {r['on_seconds']:.1f} s; `rateLimit: false`: {r['off_throttled']} of {r['off_reads']} throttled",
            "", r["on_throttled"] == 0, "politeness")
    if "soak" in results:
        r = results["soak"]
        drift = r["rss_end"] / r["rss_start"] - 1
        row(f"soak: {r['requests']:,} reads, tokens live {r['lifetime']} s, `--jobs 8`, paced to the bucket",
            "0 failures; renewals as the lifetimes imply; RSS start/end within 10 %",
            f"{r['passed']} passed, {r['failed']} failed in {r['seconds']:.0f} s; {r['token_requests']} token requests on the wire "
            f"(expected {r['expected_tokens']}: one, then one every {r['lifetime'] // 2} s); RSS {mb(r['rss_start'])} → {mb(r['rss_end'])}",
            f"RSS {drift * 100:+.1f} %", r["failed"] == 0 and r["token_requests"] == r["expected_tokens"] and abs(drift) <= 0.10, "soak")
    if "release" in results:
        r = results["release"]
        lines += ["", "## The release binary", "",
                  "`scripts/release.sh`'s archive, unpacked: the Swift runtime and Foundation linked in, stripped. Start-up is the median",
                  "of 20 starts; `swift run` is the same command from a source checkout that is already built.", "",
                  "| what | measured | when, command |", "| --- | --- | --- |",
                  f"| archive (`.tar.gz`) | {r['archive_bytes'] / 2**20:.1f} MiB | {r['_date']}, `{r['_command']}` |",
                  f"| binary | {r['binary_bytes'] / 2**20:.1f} MiB | {r['_date']}, `{r['_command']}` |",
                  f"| `azspec --version` | {r['version_seconds'] * 1000:.0f} ms | {r['_date']}, `{r['_command']}` |",
                  f"| `azspec validate --emulator specs` (9 files) | {r['validate_seconds'] * 1000:.0f} ms | {r['_date']}, `{r['_command']}` |",
                  f"| `swift run azspec --version` (built already) | {r['swift_run_seconds'] * 1000:.0f} ms | {r['_date']}, `{r['_command']}` |"]
    lines += ["", "Raw figures: `bench/results.json`. How these were reached, and what each miss comes from, is in",
              "docs/speed.md."]
    return "\n".join(lines) + "\n"


def machine():
    cpu = "?"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    swift = re.search(r"version ([\d.]+)", swift).group(1) if "version" in swift else "?"
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split(" ")[1] if shutil.which("wrk") else "?"
    python = os.path.join(VENV, "bin", "python")
    return {"cpus": os.cpu_count(), "cpu": cpu, "system": f"{platform.system()} {platform.release()}", "swift": swift,
            "wrk": wrk_version, "tavern": tavern_version(python) if os.path.exists(python) else "not installed"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="*", help=f"quick: {' '.join(QUICK)}; long: {' '.join(LONG)}; default: the quick ones")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--azspec", help="another azspec binary (an older build, for before/after figures)")
    parser.add_argument("--results", help="write the figures to this JSON file instead (BENCHMARKS.md is left alone)")
    args = parser.parse_args()
    global AZSPEC
    if args.azspec:
        AZSPEC = os.path.abspath(args.azspec)
    chosen = args.targets or QUICK
    unknown = [t for t in chosen if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target {', '.join(unknown)}")
    if chosen != ["release"] and (not shutil.which("wrk") or not os.path.exists("/usr/bin/time")):
        sys.exit("wrk and GNU time are needed: apt-get install wrk time")
    results_path = args.results or RESULTS
    results = json.load(open(results_path)) if os.path.exists(results_path) else {}
    work = tempfile.mkdtemp(prefix="azspec-bench-")
    # The release target measures the packaged binary alone; every other one talks to this build's emulator.
    emulator = Emulator(work, int(os.environ.get("BENCH_PORT", "18400"))) if chosen != ["release"] else None
    try:
        for name in chosen:
            print(f"{name}: {TARGETS[name].__doc__.strip()}", flush=True)
            result = TARGETS[name](work, emulator, args.runs)
            result["_date"] = time.strftime("%Y-%m-%d", time.gmtime())
            result["_command"] = f"bench/run.sh {name}"
            results[name] = result
            print("  " + json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}), flush=True)
            # Written after every target, so that a later one failing keeps what was measured.
            results["_machine"] = machine()
            with open(results_path, "w") as out:
                json.dump(results, out, indent=1, sort_keys=True)
            if not args.results:
                with open(REPORT, "w") as out:
                    out.write(render(results))
    finally:
        if emulator:
            emulator.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {results_path}" if args.results else f"wrote {os.path.relpath(REPORT, ROOT)} and {os.path.relpath(RESULTS, ROOT)}")


if __name__ == "__main__":
    main()
