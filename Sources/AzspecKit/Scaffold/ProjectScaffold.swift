import Foundation

/// `azspec init [DIR]`: a project to start from: `azspec.yaml` (a CI identity), a first spec (the identity's token and
/// a resource-group list), a `.gitignore` for the reports, the JSON Schema for editor completion, and CI files for
/// GitHub Actions (workload identity) and Azure Pipelines. An existing file is never overwritten (each is created
/// with `O_EXCL`); `azspec run --emulator` passes on what it writes.
public enum ProjectScaffold {
    public typealias Outcome = NewFiles.Outcome

    public static func write(into folder: String) throws -> [Outcome] {
        try NewFiles.create(files, in: folder)
    }

    /// The files, by path relative to the project folder.
    static var files: [(String, String)] {
        [
            ("azspec.yaml", projectFile), ("specs/01-smoke.yaml", firstSpec), (".gitignore", "reports/\n"),
            ("azspec.schema.json", SpecSchema.text), (".github/workflows/azspec.yml", githubWorkflow),
            ("azure-pipelines.yml", azurePipeline),
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

    /// The steps both GitHub jobs start with: Swift, then azspec built from the repository `AZSPEC_GIT_URL` names.
    static let githubInstall = """
              - uses: swift-actions/setup-swift@v2
                with: { swift-version: "6.1" }
              - name: install azspec (from the repository the variable AZSPEC_GIT_URL names)
                run: |
                  git clone --depth 1 "${{ vars.AZSPEC_GIT_URL }}" "$RUNNER_TEMP/azspec"
                  swift build -c release --package-path "$RUNNER_TEMP/azspec" --product azspec
                  echo "$RUNNER_TEMP/azspec/.build/release" >> "$GITHUB_PATH"
        """

    static let githubWorkflow = """
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
        \(githubInstall)
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
        \(githubInstall)
              - uses: actions/download-artifact@v4
                with: { path: shards, merge-multiple: true }
              - run: azspec merge-reports reports/junit.xml shards/junit-*.xml
              - uses: mikepenz/action-junit-report@v5
                with: { report_paths: reports/junit.xml }

        """

    static let azurePipeline = """
        # Runs the specs with a workload-identity service connection: AzureCLI@2 hands its federated token to azspec.
        trigger: [main]
        pool: { vmImage: ubuntu-latest }
        strategy:
          matrix:
            shard1: { SHARD: 1 }
            shard2: { SHARD: 2 }
        steps:
          - script: |
              git clone --depth 1 "$(AZSPEC_GIT_URL)" "$(Agent.TempDirectory)/azspec"
              swift build -c release --package-path "$(Agent.TempDirectory)/azspec" --product azspec
              echo "##vso[task.prependpath]$(Agent.TempDirectory)/azspec/.build/release"
            displayName: install azspec (from the repository the variable AZSPEC_GIT_URL names; needs Swift 6 on the agent)
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
                export AZURE_SUBSCRIPTION_ID="$(az account show --query id -o tsv)"
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
