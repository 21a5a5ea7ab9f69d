import AzspecCore
import AzspecKit
import AzspecTesting
import Foundation
import Testing

/// `scripts/release.sh` packages the built binary, and `scripts/install.sh` installs it from a loopback release
/// server: a good archive, a tampered one, a missing one, a download cut off half-way, a checksum file that is not one,
/// an unsupported platform and a plain-http mirror that is not loopback. Nothing is installed unless all is well.
@Suite(.serialized) struct InstallTests {
    static let root = AzspecProcess.packageRoot
    static let version = AzspecVersion.current

    /// The release archive of the binary these tests run, made by release.sh once for the suite. A task, awaited:
    /// packaging takes seconds, and a test that blocked a thread of the (small) cooperative pool for them would
    /// starve the in-process emulators of other suites running beside it.
    static let release = Task { try await Release.make() }

    struct ReleaseError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    struct Release {
        let name: String
        let archive: [UInt8]
        let checksum: [UInt8]

        static func make() async throws -> Release {
            guard let binary = AzspecProcess.executablePath else { throw ReleaseError(message: "no azspec binary") }
            let out = try TemporaryFolder(prefix: "azspec-release")
            defer { out.remove() }
            // At a lower priority: compressing the binary takes a core for seconds, beside suites that time things.
            let packaged = try await AzspecProcess.run(
                executable: "/usr/bin/nice",
                ["-n", "10", "/bin/bash", InstallTests.root + "/scripts/release.sh", "--binary", binary, "--out", out.path],
                in: InstallTests.root, timeout: 300)
            guard packaged.status == 0 else { throw ReleaseError(message: "release.sh exited \(packaged.status): \(packaged.stderr)") }
            let name = "azspec-\(InstallTests.version)-linux-\(InstallTests.architecture)"
            let archive = try InputFile.read(out.path + "/\(name).tar.gz", as: .init(name: "archive", limit: 1 << 30))
            let checksum = try InputFile.read(out.path + "/\(name).tar.gz.sha256", as: .init(name: "checksum", limit: 1024))
            return Release(name: name, archive: archive, checksum: checksum)
        }
    }

    static var architecture: String {
        var system = utsname()
        uname(&system)
        let machine = withUnsafeBytes(of: &system.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return machine == "arm64" ? "aarch64" : machine
    }

    /// install.sh with AZSPEC_DOWNLOAD_URL at `server`, installing into `folder/bin`.
    static func install(
        from base: String, into folder: TemporaryFolder, _ arguments: [String] = [], path: String? = nil
    ) async throws -> ProcessOutput {
        var environment = ["AZSPEC_DOWNLOAD_URL": base, "HOME": folder.path]
        if let path { environment["PATH"] = path }
        return try await AzspecProcess.run(
            executable: "/bin/sh", [root + "/scripts/install.sh", "--to", folder.path + "/bin"] + arguments, in: folder.path,
            environment: environment, timeout: 120)
    }

    static func files(_ release: Release, archive: [UInt8]? = nil) -> [String: [UInt8]] {
        [
            "/v\(version)/\(release.name).tar.gz": archive ?? release.archive,
            "/v\(version)/\(release.name).tar.gz.sha256": release.checksum,
        ]
    }

    /// What is in the install folder (nothing left behind but a finished binary).
    static func contents(of folder: TemporaryFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/bin")) ?? []).sorted()
    }

    @Test func aGoodArchiveIsVerifiedInstalledAndRuns() async throws {
        let release = try await Self.release.value
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await ReleaseServer.withRunning(files: Self.files(release)) { server in
            let result = try await Self.install(from: server.baseURL, into: folder)
            #expect(result.status == 0, "\(result.all)")
            #expect(result.stdout.contains("installed azspec \(Self.version)"), "\(result.stdout)")
            #expect(result.stdout.contains("at \(folder.path)/bin/azspec"))
            #expect(server.requestedPaths.first == "/v\(Self.version)/\(release.name).tar.gz.sha256", "the checksum is fetched first")
        }
        #expect(Self.contents(of: folder) == ["azspec"])
        let version = try await AzspecProcess.run(executable: folder.path + "/bin/azspec", ["--version"], in: folder.path)
        #expect(version.stdout.hasPrefix("azspec \(Self.version)"), "\(version.all)")
    }

    @Test func aTamperedArchiveIsRefusedAndTheInstalledOneKept() async throws {
        let release = try await Self.release.value
        var tampered = release.archive
        tampered[tampered.count / 2] ^= 0x01
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let existing = try folder.write("bin/azspec", "#!/bin/sh\necho earlier\n")
        try await ReleaseServer.withRunning(files: Self.files(release, archive: tampered)) { server in
            let result = try await Self.install(from: server.baseURL, into: folder)
            #expect(result.status == 1, "\(result.all)")
            #expect(result.stderr.contains("SHA-256"), "\(result.stderr)")
            #expect(result.stderr.contains("not installed (a tampered or corrupt download)"))
        }
        #expect(Self.contents(of: folder) == ["azspec"])
        #expect(folder.read("bin/azspec") == "#!/bin/sh\necho earlier\n", "the earlier binary at \(existing) is untouched")
    }

    @Test func aMissingReleaseSaysSoWithItsOwnExitCode() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await ReleaseServer.withRunning(files: [:]) { server in
            let result = try await Self.install(from: server.baseURL, into: folder, ["--version", "v9.9.9"])
            #expect(result.status == 4, "\(result.all)")
            #expect(result.stderr.contains("no release 9.9.9 at \(server.baseURL)"), "\(result.stderr)")
            #expect(server.requestedPaths == ["/v9.9.9/azspec-9.9.9-linux-\(Self.architecture).tar.gz.sha256"])
        }
        #expect(Self.contents(of: folder).isEmpty)
    }

    @Test func aDownloadCutOffHalfWayInstallsNothing() async throws {
        let release = try await Self.release.value
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let archivePath = "/v\(Self.version)/\(release.name).tar.gz"
        try await ReleaseServer.withRunning(files: Self.files(release), truncated: [archivePath]) { server in
            let result = try await Self.install(from: server.baseURL, into: folder)
            #expect(result.status == 1, "\(result.all)")
            #expect(result.stderr.contains("could not download"), "\(result.stderr)")
            #expect(result.stderr.contains("nothing was installed"))
        }
        #expect(Self.contents(of: folder).isEmpty)
    }

    @Test func aChecksumFileThatIsNotOneIsRefused() async throws {
        let release = try await Self.release.value
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var files = Self.files(release)
        files["/v\(Self.version)/\(release.name).tar.gz.sha256"] = Array("<html>moved</html>\n".utf8)
        try await ReleaseServer.withRunning(files: files) { server in
            let result = try await Self.install(from: server.baseURL, into: folder)
            #expect(result.status == 1, "\(result.all)")
            #expect(result.stderr.contains("does not start with a SHA-256"), "\(result.stderr)")
        }
        #expect(Self.contents(of: folder).isEmpty)
    }

    @Test func anUnsupportedPlatformIsNamed() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A `uname` that answers as macOS does, first on PATH.
        try folder.write("fake/uname", "#!/bin/sh\ncase \"$1\" in -s) echo Darwin ;; *) echo arm64 ;; esac\n")
        chmod(folder.path + "/fake/uname", 0o755)
        let result = try await Self.install(
            from: "http://127.0.0.1:9", into: folder, path: folder.path + "/fake:/usr/bin:/bin")
        #expect(result.status == 3, "\(result.all)")
        #expect(result.stderr.contains("no release is built for Darwin; build from source instead"), "\(result.stderr)")
        #expect(Self.contents(of: folder).isEmpty)
    }

    @Test func plainHTTPIsRefusedUnlessTheMirrorIsLoopback() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try await Self.install(from: "http://mirror.example.com/azspec", into: folder)
        #expect(result.status == 2, "\(result.all)")
        #expect(result.stderr.contains("AZSPEC_DOWNLOAD_URL must be an https:// URL"), "\(result.stderr)")
        #expect(Self.contents(of: folder).isEmpty)
    }

    @Test func aRedirectAwayFromALoopbackMirrorIsNotFollowed() async throws {
        let release = try await Self.release.value
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await ReleaseServer.withRunning(files: Self.files(release)) { elsewhere in
            // The mirror sends the archive to another port (another origin), which serves the genuine archive.
            let archive = "/v\(Self.version)/\(release.name).tar.gz"
            var files = Self.files(release)
            files[archive] = nil
            try await ReleaseServer.withRunning(files: files, redirects: [archive: elsewhere.baseURL + archive]) { mirror in
                let result = try await Self.install(from: mirror.baseURL, into: folder)
                #expect(result.status == 1, "\(result.all)")
                #expect(result.stderr.contains("redirects where install.sh does not follow"), "\(result.stderr)")
            }
            #expect(elsewhere.requestedPaths.isEmpty, "the other origin was never asked")
        }
        #expect(Self.contents(of: folder).isEmpty)
    }

    @Test func anArchiveWhoseBinaryIsALinkIsRefused() async throws {
        let release = try await Self.release.value
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A well-formed archive (with its own checksum) whose azspec is a symbolic link to a system file.
        try FileManager.default.createDirectory(atPath: folder.path + "/pack/\(release.name)", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/pack/\(release.name)/azspec", withDestinationPath: "/bin/sh")
        let packed = try await AzspecProcess.run(
            executable: "/bin/sh",
            ["-c", "tar -czf linked.tar.gz -C pack \(release.name) && sha256sum linked.tar.gz | sed 's/linked/\(release.name)/'"],
            in: folder.path)
        #expect(packed.status == 0, "\(packed.all)")
        let archive = try InputFile.read(folder.path + "/linked.tar.gz", as: .init(name: "archive", limit: 1 << 20))
        var files = Self.files(release, archive: archive)
        files["/v\(Self.version)/\(release.name).tar.gz.sha256"] = Array(packed.stdout.utf8)
        try await ReleaseServer.withRunning(files: files) { server in
            let result = try await Self.install(from: server.baseURL, into: folder)
            #expect(result.status == 1, "\(result.all)")
            #expect(result.stderr.contains("\(release.name)/azspec in the archive is not a file"), "\(result.stderr)")
        }
        #expect(Self.contents(of: folder).isEmpty)
    }

    @Test func aLinkPlantedWhereTheBinaryGoesIsReplacedNotFollowed() async throws {
        let release = try await Self.release.value
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let victim = try folder.write("victim.txt", "keep me\n")
        try FileManager.default.createDirectory(atPath: folder.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/bin/azspec", withDestinationPath: victim)
        try await ReleaseServer.withRunning(files: Self.files(release)) { server in
            let result = try await Self.install(from: server.baseURL, into: folder)
            #expect(result.status == 0, "\(result.all)")
        }
        #expect(folder.read("victim.txt") == "keep me\n", "the link's target is untouched")
        #expect(!InputFile.isSymbolicLink(folder.path + "/bin/azspec") && InputFile.isRegularFile(folder.path + "/bin/azspec"))
    }

    @Test func theScriptsDefaultsAreTheBinarysVersionAndTheProjectsReleases() throws {
        let script = try InputFile.readText(Self.root + "/scripts/install.sh", as: .spec)
        #expect(script.contains("\nDEFAULT_VERSION=\"\(Self.version)\"\n"), "install.sh installs the version it came with")
        #expect(script.contains("\nDEFAULT_DOWNLOAD_URL=\"\(AzspecVersion.releasesURL)\"\n"))
    }

    @Test func packagingTheSameBinaryTwiceGivesTheSameBytes() async throws {
        let first = try await Self.release.value
        let second = try await Release.make()
        #expect(first.archive == second.archive)
        #expect(first.checksum == second.checksum)
        #expect(String(decoding: first.checksum, as: UTF8.self).hasSuffix("  \(first.name).tar.gz\n"))
    }
}
