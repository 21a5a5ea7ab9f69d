#!/usr/bin/env python3
"""Azure's own Python SDK against the azspec emulator, unchanged apart from the authority host.

Start an HTTPS emulator and point this script at it:

    azspec emulator --tls --ca-out emulator-ca.pem --env-file emulator.env &
    . ./emulator.env
    REQUESTS_CA_BUNDLE=emulator-ca.pem python3 scripts/azure-sdk-check.py

azure-identity's ClientSecretCredential gets a token from the emulator's Entra ID (OIDC discovery, then the v2
token endpoint), and azure-mgmt-resource lists the subscription's resource groups through its Resource Manager.
Instance discovery is disabled: MSAL would otherwise ask the real login.microsoftonline.com about an unknown host.
Prints one line per step; exits non-zero when a step fails. Needs: pip install azure-identity azure-mgmt-resource
"""
import os
import sys

from azure.identity import ClientSecretCredential
try:  # azure-mgmt-resource 24 and later keep the client in a subpackage
    from azure.mgmt.resource.resources import ResourceManagementClient
except ImportError:
    from azure.mgmt.resource import ResourceManagementClient


def main() -> int:
    base = os.environ["AZURE_AUTHORITY_HOST"].rstrip("/")
    arm = os.environ.get("AZURE_RESOURCE_MANAGER_ENDPOINT", base).rstrip("/")
    for host in (base, arm):
        if not host.startswith("https://127.0.0.1:") and not host.startswith("https://localhost:"):
            print(f"refusing to talk to {host}: this check is for a local emulator only", file=sys.stderr)
            return 2
    credential = ClientSecretCredential(
        tenant_id=os.environ["AZURE_TENANT_ID"],
        client_id=os.environ["AZURE_CLIENT_ID"],
        client_secret=os.environ["AZURE_CLIENT_SECRET"],
        authority=base,
        disable_instance_discovery=True,
    )
    scope = "https://management.azure.com/.default"
    token = credential.get_token(scope)
    print(f"token: ClientSecretCredential got a {len(token.token)}-character token valid until {token.expires_on}")
    client = ResourceManagementClient(
        credential, os.environ["AZURE_SUBSCRIPTION_ID"], base_url=arm, credential_scopes=[scope]
    )
    names = sorted(group.name for group in client.resource_groups.list())
    print("resource groups: " + ", ".join(names))
    return 0 if names else 1


if __name__ == "__main__":
    sys.exit(main())
