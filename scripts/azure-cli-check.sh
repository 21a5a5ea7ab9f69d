#!/usr/bin/env bash
# The real Azure CLI against the azspec emulator, in a network namespace that holds only loopback.
#
#   scripts/azure-cli-check.sh [path/to/azspec]
#
# 1. Installs the Azure CLI from PyPI into its own virtual environment (AZSPEC_AZ_VENV, default
#    ~/.cache/azspec/azure-cli; AZSPEC_AZ_VERSION pins a version), unless it is there already.
# 2. Runs the rest inside `unshare --net` (as root, or with --map-root-user): a namespace whose only interface is
#    loopback. It refuses to go on if any other interface is there, so nothing the CLI does can leave the machine.
# 3. Starts `azspec emulator --tls` on a free port, registers it as a cloud (`az cloud register` reads its
#    /metadata/endpoints), logs in as the emulator's service principal and runs the commands users run, checking
#    each answer: account, tokens, resource groups, role assignments and definitions, storage accounts, `az rest`,
#    logout.
#
# Prints one line per step ("ok: …" or "FAILED: …") and exits 1 when a step fails, 2 when it cannot run.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
azspec="${1:-$here/.build/debug/azspec}"
venv="${AZSPEC_AZ_VENV:-$HOME/.cache/azspec/azure-cli}"

if [[ "${AZSPEC_AZ_IN_NAMESPACE:-}" != "1" ]]; then
  [[ -x "$azspec" ]] || { echo "no azspec binary at $azspec (swift build first, or pass its path)" >&2; exit 2; }
  if [[ ! -x "$venv/bin/az" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q "azure-cli${AZSPEC_AZ_VERSION:+==$AZSPEC_AZ_VERSION}"
  fi
  command -v unshare >/dev/null || { echo "unshare is not installed: cannot isolate the Azure CLI from the network" >&2; exit 2; }
  flags=(--net)
  [[ "$(id -u)" == "0" ]] || flags+=(--map-root-user)
  exec env AZSPEC_AZ_IN_NAMESPACE=1 unshare "${flags[@]}" bash "$0" "$azspec"
fi

# Inside the namespace: loopback up, and nothing else.
if command -v ip >/dev/null; then ip link set lo up; else echo "ip is not installed: cannot bring loopback up" >&2; exit 2; fi
# (netlink, not /sys: /sys still shows the host's interfaces until it is remounted.)
others="$(ip -o link show | awk -F': ' '{print $2}' | grep -vx lo || true)"
if [[ -n "$others" ]]; then
  echo "refusing to run: the namespace has interfaces besides loopback: $others" >&2
  exit 2
fi

work="$(mktemp -d)"
emulator_pid=""
cleanup() {
  if [[ -n "$emulator_pid" ]]; then kill "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The emulator's configuration for the check: an administrator (Owner on the subscription, Directory.Read.All in
# Graph, so that the CLI may look principals up), an application holding Reader on one resource group, and a
# managed identity to assign roles to. Made-up ids and secrets that exist nowhere in Azure.
cat >"$work/emulator.yaml" <<'YAML'
environment:
  AZURE_TENANT_ID: 6a0c4e2b-9d1f-4a3e-8b5c-7d9e0f1a2b3c
  AZURE_SUBSCRIPTION_ID: 3b5d7f9a-1c2e-4d4f-8a6b-0c1d2e3f4a5b
  AZURE_CLIENT_ID: 1f3e5d7c-9b8a-4c6d-8e2f-4a6b8c0d2e4f
  AZURE_CLIENT_SECRET: azcli-admin-secret-for-the-emulator
  APP_CLIENT_ID: 2e4d6c8b-0a9f-4e7d-9c5b-3a1f0e2d4c6b
  APP_OBJECT_ID: 7c9e1a3b-5d7f-4b9a-8c2e-4f6a8b0c2d4e
  APP_SECRET: azcli-app-secret-for-the-emulator
  MI_OBJECT_ID: 4d6f8a0c-2e4a-4c6e-9a0b-2c4e6f8a0b2d
tenants:
  - id: 6a0c4e2b-9d1f-4a3e-8b5c-7d9e0f1a2b3c
    displayName: azure-cli check
    domains: [azcli-check.onmicrosoft.com]
    servicePrincipals:
      - name: azcli-admin
        clientId: 1f3e5d7c-9b8a-4c6d-8e2f-4a6b8c0d2e4f
        objectId: 8b0d2f4a-6c8e-4a0b-9d2f-6e8a0c2e4a6c
        secrets: [azcli-admin-secret-for-the-emulator]
        appRoles: [Directory.Read.All]
      - name: azcli-app
        clientId: 2e4d6c8b-0a9f-4e7d-9c5b-3a1f0e2d4c6b
        objectId: 7c9e1a3b-5d7f-4b9a-8c2e-4f6a8b0c2d4e
        secrets: [azcli-app-secret-for-the-emulator]
    subscriptions:
      - id: 3b5d7f9a-1c2e-4d4f-8a6b-0c1d2e3f4a5b
        displayName: azspec-emulator
        resourceGroups:
          - {name: rg-smoke, location: westeurope, tags: {env: smoke}}
    roleAssignments:
      - {principal: azcli-admin, role: Owner, scope: /subscriptions/3b5d7f9a-1c2e-4d4f-8a6b-0c1d2e3f4a5b}
      - {principal: azcli-app, role: Reader, scope: /subscriptions/3b5d7f9a-1c2e-4d4f-8a6b-0c1d2e3f4a5b/resourceGroups/rg-smoke}
managedIdentities:
  - {name: azcli-mi, clientId: 5e7a9c1e-3a5c-4e7a-8c1e-3a5c7e9a1c3e, objectId: 4d6f8a0c-2e4a-4c6e-9a0b-2c4e6f8a0b2d, tenant: 6a0c4e2b-9d1f-4a3e-8b5c-7d9e0f1a2b3c}
YAML

"$azspec" emulator --port 0 --tls --config "$work/emulator.yaml" --ca-out "$work/ca.pem" --env-file "$work/emulator.env" \
  >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 100); do
  [[ -s "$work/emulator.env" ]] && break
  sleep 0.1
done
[[ -s "$work/emulator.env" ]] || { echo "the emulator did not start:" >&2; cat "$work/emulator.log" >&2; exit 2; }
# shellcheck disable=SC1091
. "$work/emulator.env"
base="$AZURE_RESOURCE_MANAGER_ENDPOINT"

export AZURE_CONFIG_DIR="$work/az" REQUESTS_CA_BUNDLE="$work/ca.pem" AZURE_CORE_COLLECT_TELEMETRY=false
export AZURE_CORE_SURVEY_MESSAGE=false AZURE_CORE_NO_COLOR=true AZURE_CORE_OUTPUT=json
# MSAL asks login.microsoftonline.com about any authority it does not know (instance discovery); the CLI's setting
# for private clouds (Azure Stack) turns that off, as it must be for any authority but Microsoft's.
export AZURE_CORE_INSTANCE_DISCOVERY=false
az="$venv/bin/az"
failures=0
started=$SECONDS

# step NAME EXPECTED COMMAND…: runs the command, passes when its output (stdout) contains EXPECTED ("" for any
# success).
step() {
  local name="$1" expected="$2"
  shift 2
  local output
  if output="$("$@" 2>"$work/stderr")" && [[ -z "$expected" || "$output" == *"$expected"* ]]; then
    echo "ok: $name"
  else
    echo "FAILED: $name (wanted '$expected')"
    echo "$output" | head -20 | sed 's/^/  out: /'
    head -20 "$work/stderr" | sed 's/^/  err: /'
    failures=$((failures + 1))
  fi
}

# fails NAME EXPECTED COMMAND…: the command must fail, saying EXPECTED on stderr.
fails() {
  local name="$1" expected="$2"
  shift 2
  if "$@" >/dev/null 2>"$work/stderr"; then
    echo "FAILED: $name (it succeeded)"
    failures=$((failures + 1))
  elif grep -qF -- "$expected" "$work/stderr"; then
    echo "ok: $name"
  else
    echo "FAILED: $name (wanted '$expected' on stderr)"
    head -20 "$work/stderr" | sed 's/^/  err: /'
    failures=$((failures + 1))
  fi
}

sub="$AZURE_SUBSCRIPTION_ID"
step "az version" '"azure-cli"' "$az" version
step "cloud register (endpoint discovery)" "" "$az" cloud register -n AzspecEmulator --endpoint-resource-manager "$base/"
step "cloud set" "" "$az" cloud set -n AzspecEmulator
step "login as a service principal" "$sub" "$az" login --service-principal -u "$AZURE_CLIENT_ID" -p "$AZURE_CLIENT_SECRET" --tenant "$AZURE_TENANT_ID"
step "account show" "azspec-emulator" "$az" account show
step "account get-access-token" '"accessToken"' "$az" account get-access-token
step "account get-access-token --resource graph" '"accessToken"' "$az" account get-access-token --resource https://graph.microsoft.com
step "account get-access-token --scope" '"accessToken"' "$az" account get-access-token --scope https://management.azure.com/.default
step "group list" "rg-smoke" "$az" group list --query "[].name"
step "group show" '"westeurope"' "$az" group show -n rg-smoke
step "group exists (yes)" "true" "$az" group exists -n rg-smoke
step "group exists (no)" "false" "$az" group exists -n rg-azcli-nothing
step "group create" '"Succeeded"' "$az" group create -n rg-azcli -l westeurope --tags team=platform
step "group update" '"ci"' "$az" group update -n rg-azcli --set tags.owner=ci
step "role definition list --name" '"Reader"' "$az" role definition list --name Reader --query "[].roleName"
step "role assignment list --assignee (app id, found in Graph)" '"Reader"' "$az" role assignment list --assignee "$APP_CLIENT_ID" --all --query "[].roleDefinitionName"
step "role assignment list --include-inherited" '"Owner"' "$az" role assignment list --scope "/subscriptions/$sub/resourceGroups/rg-smoke" --include-inherited --query "[].roleDefinitionName"
step "role assignment create (by role name, app id)" "$APP_OBJECT_ID" "$az" role assignment create --assignee "$APP_CLIENT_ID" --role Contributor --scope "/subscriptions/$sub/resourceGroups/rg-azcli" --query principalId
step "role assignment create (object id and type)" '"'"$MI_OBJECT_ID"'"' "$az" role assignment create --assignee-object-id "$MI_OBJECT_ID" --assignee-principal-type ServicePrincipal --role "Storage Blob Data Reader" --scope "/subscriptions/$sub/resourceGroups/rg-azcli"
step "role assignment list shows it" '"Contributor"' "$az" role assignment list --assignee "$APP_CLIENT_ID" --all --query "[].roleDefinitionName"
step "ad sp show --id (app id)" '"azcli-app"' "$az" ad sp show --id "$APP_CLIENT_ID" --query displayName
step "role assignment delete" "" "$az" role assignment delete --assignee "$APP_CLIENT_ID" --role Contributor --scope "/subscriptions/$sub/resourceGroups/rg-azcli"
step "role assignment gone" "[]" "$az" role assignment list --assignee "$APP_CLIENT_ID" --scope "/subscriptions/$sub/resourceGroups/rg-azcli"
step "storage account create" '"Succeeded"' "$az" storage account create -n azcli$RANDOM$RANDOM -g rg-azcli -l westeurope --sku Standard_LRS
account="$("$az" storage account list -g rg-azcli --query "[0].name" -o tsv 2>/dev/null || true)"
step "storage account list" "$account" "$az" storage account list -g rg-azcli --query "[].name"
step "storage account show" '"Standard_LRS"' "$az" storage account show -n "$account" -g rg-azcli
step "storage account keys list" '"key1"' "$az" storage account keys list -n "$account" -g rg-azcli
step "storage account delete" "" "$az" storage account delete -n "$account" -g rg-azcli --yes
step "az rest" "rg-smoke" "$az" rest --method get --url "$base/subscriptions/$sub/resourcegroups?api-version=2021-04-01"
step "group delete" "" "$az" group delete -n rg-azcli --yes
step "group exists after delete" "false" "$az" group exists -n rg-azcli
fails "a group that does not exist" "ResourceGroupNotFound" "$az" group show -n rg-azcli-nothing
step "logout" "" "$az" logout
step "login as the Reader application" "$sub" "$az" login --service-principal -u "$APP_CLIENT_ID" -p "$APP_SECRET" --tenant "$AZURE_TENANT_ID"
step "a Reader reads its group" '"rg-smoke"' "$az" group show -n rg-smoke
fails "a Reader may not create a group" "AuthorizationFailed" "$az" group create -n rg-not-allowed -l westeurope
fails "nor assign a role" "AuthorizationFailed" "$az" role assignment create --assignee-object-id "$MI_OBJECT_ID" --assignee-principal-type ServicePrincipal --role Reader --scope "/subscriptions/$sub/resourceGroups/rg-smoke"
step "account clear" "" "$az" account clear
fails "no account after account clear" "az login" "$az" group list
echo "azure-cli check: $failures failed, $((SECONDS - started)) s"
[[ "$failures" == "0" ]]
