import AzspecCore
import Foundation
import Testing

@Suite struct InputFileTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "azspec-input-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    private func problem(_ path: String, as kind: InputFile.Kind = .federatedToken) -> String? {
        do {
            _ = try InputFile.read(path, as: kind)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsARegularFile() throws {
        let path = folder + "/token"
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try InputFile.read(path, as: .federatedToken) == Array("abc".utf8))
        #expect(try InputFile.readText(path, as: .federatedToken) == "abc")
    }

    @Test func refusesDevicesWithoutReadingThem() {
        #expect(problem("/dev/zero") == "the federated token file /dev/zero is a device, not a regular file")
        #expect(problem("/dev/urandom") == "the federated token file /dev/urandom is a device, not a regular file")
    }

    @Test(.timeLimit(.minutes(1))) func refusesAFIFOWithoutWaitingForAWriter() throws {
        let path = folder + "/fifo"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(problem(path, as: .certificate) == "the certificate file \(path) is a FIFO (named pipe), not a regular file")
    }

    @Test func refusesAFolder() {
        #expect(problem(folder, as: .spec) == "the spec file \(folder) is a folder, not a file")
    }

    @Test func namesASymbolicLinkLoop() throws {
        let a = folder + "/a", b = folder + "/b"
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        #expect(problem(a) == "the federated token file \(a) cannot be opened: too many levels of symbolic links (a symbolic link loop?)")
    }

    @Test func namesAMissingFile() {
        #expect(problem(folder + "/missing") == "the federated token file \(folder)/missing does not exist")
    }

    @Test func refusesAFileOverItsKindsCapWithoutReadingIt() throws {
        let path = folder + "/big"
        let kind = InputFile.Kind(name: "test file", limit: 1024)
        try Data(repeating: 0x41, count: 1025).write(to: URL(fileURLWithPath: path))
        #expect(problem(path, as: kind) == "the test file \(path) is larger than the 1 KiB a test file may hold (1025 bytes or more)")
        try Data(repeating: 0x41, count: 1024).write(to: URL(fileURLWithPath: path))
        #expect(try InputFile.read(path, as: kind).count == 1024)
    }

    @Test func refusesInvalidUTF8AsText() throws {
        let path = folder + "/binary"
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: path))
        #expect(throws: InputFileError.self) { try InputFile.readText(path, as: .spec) }
    }

    @Test func tellsRegularFilesFromOthers() {
        #expect(!InputFile.isRegularFile(folder))
        #expect(!InputFile.isRegularFile("/dev/null"))
        #expect(InputFile.isRegularFile("/etc/hostname") == FileManager.default.fileExists(atPath: "/etc/hostname"))
    }

    /// What a report is written into rather than replaced: devices and pipes, not files, folders or nothing.
    @Test func tellsDevicesAndPipes() throws {
        let pipe = folder + "/pipe"
        #expect(mkfifo(pipe, 0o600) == 0)
        defer { unlink(pipe) }
        #expect(InputFile.isDeviceOrPipe(pipe))
        #expect(InputFile.isDeviceOrPipe("/dev/null"))
        let file = folder + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(!InputFile.isDeviceOrPipe(file))
        #expect(!InputFile.isDeviceOrPipe(folder))
        #expect(!InputFile.isDeviceOrPipe(folder + "/missing"))
    }
}
