import Hummingbird
import NIOCore

/// Hummingbird request context that also knows the local port the request arrived on, so that responses can
/// name the emulator's base URL even when it was bound to port 0.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let localPort: Int

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        localPort = source.channel.localAddress?.port ?? 0
    }

    /// Large enough for any ARM request body (ARM refuses more than 4 MB).
    var maxUploadSize: Int { 4 * 1024 * 1024 }
}
