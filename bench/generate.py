"""Writes the benchmark suite twice, as azspec specs and as Tavern tests, and an env.sh with the emulator's identity."""
import json
import os
import sys
import urllib.parse
import urllib.request

work, files, gets, base = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

# `azspec emulator --env-file` wrote the identity it serves (secrets included) as `export NAME='value'` lines.
env = {}
with open(os.path.join(work, "emulator.env")) as lines:
    for line in lines:
        name, value = line.strip()[len("export "):].split("=", 1)
        env[name] = value.strip("'")
tenant, client, secret, sub = (env[k] for k in ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_SUBSCRIPTION_ID"])

form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": client, "client_secret": secret, "scope": base + "/.default"})
with urllib.request.urlopen(f"{base}/{tenant}/oauth2/v2.0/token", data=form.encode()) as response:
    token = json.load(response)["access_token"]

with open(os.path.join(work, "env.sh"), "w") as out:
    for name, value in {**env, "AZURE_AUTHORITY_HOST": base, "AZURE_RESOURCE_MANAGER_ENDPOINT": base, "BENCH_TOKEN": token}.items():
        out.write(f"export {name}='{value}'\n")

token_request = {
    "method": "POST", "url": "{{cloud.login}}/{{env.AZURE_TENANT_ID}}/oauth2/v2.0/token",
    "form": {"grant_type": "client_credentials", "client_id": "{{env.AZURE_CLIENT_ID}}",
             "client_secret": "{{env.AZURE_CLIENT_SECRET}}", "scope": "{{cloud.arm}}/.default"},
}
os.makedirs(os.path.join(work, "azspec"), exist_ok=True)
os.makedirs(os.path.join(work, "tavern"), exist_ok=True)
for f in range(files):
    tests = [{"name": "token", "request": token_request, "expect": {"status": 200}, "capture": {"token": "$.access_token"}}]
    stages = [{"name": "token", "request": {"method": "POST", "url": f"{base}/{tenant}/oauth2/v2.0/token",
               "data": {"grant_type": "client_credentials", "client_id": client, "client_secret": secret, "scope": base + "/.default"}},
               "response": {"status_code": 200, "save": {"json": {"token": "access_token"}}}}]
    for g in range(gets):
        tests.append({"name": f"list {g}", "request": {
            "url": "{{cloud.arm}}/subscriptions/{{env.AZURE_SUBSCRIPTION_ID}}/resourcegroups",
            "query": {"api-version": "2021-04-01"}, "headers": {"Authorization": "Bearer {{token}}"}},
            "expect": {"status": 200, "json": {"$.value[0].name": "rg-smoke"}}})
        stages.append({"name": f"list {g}", "request": {
            "method": "GET", "url": f"{base}/subscriptions/{sub}/resourcegroups?api-version=2021-04-01",
            "headers": {"Authorization": "Bearer {token}"}},
            "response": {"status_code": 200}})
    # JSON is YAML: both tools read these files as they are.
    with open(os.path.join(work, "azspec", f"bench-{f:02}.yaml"), "w") as out:
        json.dump({"name": f"bench {f}", "tests": tests}, out, indent=1)
    with open(os.path.join(work, "tavern", f"test_bench_{f:02}.tavern.yaml"), "w") as out:
        json.dump({"test_name": f"bench {f}", "stages": stages}, out, indent=1)
