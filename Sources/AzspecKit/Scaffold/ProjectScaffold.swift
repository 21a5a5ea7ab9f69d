import Foundation

/// `azspec init [DIR]`: a project to start from: `azspec.yaml` (a CI identity), a first spec (the identity's token and
/// a resource-group list), a `.gitignore` for the reports, the JSON Schema for editor completion, and CI files for
/// GitHub Actions (workload identity, azspec from its GitHub Action) and Azure Pipelines (azspec from a step template
/// written beside it). Each installs the release binary this azspec is, verified and cached, never a build per job. An existing file is never overwritten (each is created
/// with `O_EXCL`); `azspec run --emulator` passes on what it writes.
public enum ProjectScaffold {
    public typealias Outcome = NewFiles.Outcome

    /// Writes the files into `folder`, with `schema` (what `azspec schema` prints) as `azspec.schema.json`.
    public static func write(into folder: String, schema: String) throws -> [Outcome] {
        try NewFiles.create(files(schema: schema), in: folder)
    }

    /// The files, by path relative to the project folder.
    static func files(schema: String) -> [(String, String)] {
        [
            ("azspec.yaml", projectFile), ("specs/01-smoke.yaml", firstSpec), (".gitignore", "reports/\n"),
            ("azspec.schema.json", schema), (".github/workflows/azspec.yml", githubWorkflow),
            ("azure-pipelines.yml", azurePipeline), (azurePipelinesTemplatePath, azurePipelinesTemplate),
        ]
    }

    static let projectFile = """
        # yaml-language-server: $schema=azspec.schema.json#/$defs/project
        # azspec's project file: settings shared by every spec below this folder.
        defaultIdentity: ci
        identities:
          ci:
            # A federated token: GitHub Actions' OIDC token (permissions: id-token: write), or the file
            # AZURE_FEDERATED_TOKEN_FILE names (AKS, Azure Pipelines). Needs AZURE_TENANT_ID and AZURE_CLIENT_ID.
            kind: workloadIdentity
        exclude: ["reports/**"]

        """

    static let firstSpec = """
        # yaml-language-server: $schema=../azspec.schema.json
        name: The CI identity can reach Azure Resource Manager
        identity: true                 # azspec.yaml's defaultIdentity: azspec gets the token and sends it
        tags: [smoke]
        vars:
          subscriptionId: "{{env.AZURE_SUBSCRIPTION_ID}}"
        tests:
          - name: the identity gets a Resource Manager token for its tenant
            expect:
              token:
                tid: "{{env.AZURE_TENANT_ID}}"
                aud: { exists: true }

          - name: list resource groups
            request:
              url: /subscriptions/{{subscriptionId}}/resourcegroups   # a path on the cloud's Resource Manager
              query: { api-version: "2021-04-01" }
            expect:
              status: 200
              json:
                $.value: { type: array }
                $.value[*].id: { each: { matches: "^/subscriptions/" } }

        """

    /// The GitHub Action's reference: this release's tag, so that a project gets the azspec it was made with.
    static var actionReference: String { "\(AzspecVersion.repository)@v\(AzspecVersion.current)" }

    static var githubWorkflow: String {
        """
        # Runs the specs after every change, with workload identity federation (no secret in the repository): give the
        # app registration a federated credential for repo:OWNER/REPO:ref:refs/heads/main (and pull requests if wanted).
        name: azspec
        on: [push, pull_request]
        permissions:
          id-token: write
          contents: read
          checks: write
        jobs:
          azure-access:
            runs-on: ubuntu-latest
            strategy:
              fail-fast: false
              matrix:
                shard: [1, 2]
            env:
              AZURE_TENANT_ID: ${{ vars.AZURE_TENANT_ID }}
              AZURE_CLIENT_ID: ${{ vars.AZURE_CLIENT_ID }}
              AZURE_SUBSCRIPTION_ID: ${{ vars.AZURE_SUBSCRIPTION_ID }}
            steps:
              - uses: actions/checkout@v4
              # The release binary, checked against its SHA-256 and cached: no Swift toolchain, no build.
              - uses: \(actionReference)
              - name: azspec
                # Annotations and the step summary come on by themselves under GitHub Actions.
                run: azspec run specs --shard ${{ matrix.shard }}/2 --junit reports/junit-${{ matrix.shard }}.xml
              - uses: actions/upload-artifact@v4
                if: always()
                with: { name: "azspec-${{ matrix.shard }}", path: reports/ }
          report:
            needs: azure-access
            if: always()
            runs-on: ubuntu-latest
            steps:
              - uses: \(actionReference)
              - uses: actions/download-artifact@v4
                with: { path: shards, merge-multiple: true }
              - run: azspec merge-reports reports/junit.xml shards/junit-*.xml
              - uses: mikepenz/action-junit-report@v5
                with: { report_paths: reports/junit.xml }

        """
    }

    /// Where `init` puts the Azure Pipelines step template, relative to the project.
    static let azurePipelinesTemplatePath = ".azure-pipelines/install-azspec.yml"

    static var azurePipeline: String {
        """
        # Runs the specs with a workload-identity service connection: AzureCLI@2 hands its federated token to azspec.
        trigger: [main]
        pool: { vmImage: ubuntu-latest }
        strategy:
          matrix:
            shard1: { SHARD: 1 }
            shard2: { SHARD: 2 }
        steps:
          # The release binary, checked against its SHA-256 and cached: no Swift toolchain, no build.
          - template: \(azurePipelinesTemplatePath)
          - task: AzureCLI@2
            displayName: azspec
            inputs:
              azureSubscription: my-service-connection   # yours
              addSpnToEnvironment: true
              scriptType: bash
              scriptLocation: inlineScript
              inlineScript: |
                printf '%s' "$idToken" > "$(Agent.TempDirectory)/federated-token"
                export AZURE_FEDERATED_TOKEN_FILE="$(Agent.TempDirectory)/federated-token"
                export AZURE_CLIENT_ID="$servicePrincipalId" AZURE_TENANT_ID="$tenantId"
                AZURE_SUBSCRIPTION_ID="$(az account show --query id -o tsv)"
                export AZURE_SUBSCRIPTION_ID
                # Failures become pipeline issues by themselves (TF_BUILD is set).
                azspec run specs --shard $(SHARD)/2 --junit reports/junit.xml
          - task: PublishTestResults@2
            condition: always()
            inputs:
              testResultsFormat: JUnit
              testResultsFiles: reports/junit.xml
              testRunTitle: azspec shard $(SHARD)

        """
    }

    /// The Azure Pipelines step template that installs azspec: the same text as `ci/azure-pipelines/install-azspec.yml`
    /// in azspec's repository (a test compares them). It downloads `scripts/install.sh` from the release's tag, which
    /// checks the archive against its SHA-256 before unpacking, and caches the binary per version and platform.
    static var azurePipelinesTemplate: String {
        """
        # Installs azspec's release binary for the steps after it: checked against its SHA-256, cached per version and
        # platform (Cache@2), and put on PATH. No Swift toolchain and no build.
        #
        #   steps:
        #     - template: \(azurePipelinesTemplatePath)
        #       parameters: { version: "\(AzspecVersion.current)" }    # optional: another release
        parameters:
          - name: version
            displayName: azspec release
            type: string
            default: "\(AzspecVersion.current)"
        steps:
          - task: Cache@2
            displayName: azspec ${{ parameters.version }} (cache)
            inputs:
              key: '"azspec" | "${{ parameters.version }}" | "$(Agent.OS)" | "$(Agent.OSArchitecture)"'
              path: $(Pipeline.Workspace)/.azspec/${{ parameters.version }}
              cacheHitVar: AZSPEC_CACHE_RESTORED
          - bash: |
              set -euo pipefail
              script="$(Agent.TempDirectory)/install-azspec.sh"
              curl --proto '=https' --tlsv1.2 --fail --silent --show-error --location --retry 2 \\
                --output "$script" "https://raw.githubusercontent.com/\(AzspecVersion.repository)/v$AZSPEC_VERSION/scripts/install.sh"
              sh "$script" --version "$AZSPEC_VERSION" --to "$(Pipeline.Workspace)/.azspec/$AZSPEC_VERSION"
            displayName: azspec ${{ parameters.version }} (install, checked against its SHA-256)
            condition: and(succeeded(), ne(variables.AZSPEC_CACHE_RESTORED, 'true'))
            env:
              AZSPEC_VERSION: ${{ parameters.version }}
          - bash: |
              set -euo pipefail
              echo "##vso[task.prependpath]$(Pipeline.Workspace)/.azspec/$AZSPEC_VERSION"
              "$(Pipeline.Workspace)/.azspec/$AZSPEC_VERSION/azspec" --version
            displayName: azspec ${{ parameters.version }} (on PATH)
            env:
              AZSPEC_VERSION: ${{ parameters.version }}

        """
    }
}
