import Foundation
import Hummingbird
import Logging
import NIOCore

/// `briefing watch --serve`: the HTML edition and the PDF of the last good build, served
/// from memory with Hummingbird while the watch goes on. Only three paths answer (the page,
/// the PDF, the build events); nothing is read from disk, so no path reaches another file.
/// An open page hears of each build over Server-Sent Events (`LivePage`).
public final class PreviewServer: @unchecked Sendable {
    public let host: String
    /// The PDF's path on the server: `/briefing.pdf` for an output named so.
    public let pdfPath: String
    private let requestedPort: Int
    private let lock = NSLock()
    private var html: Data?
    private var pdf: Data?
    private var build = 0
    private var failure: String?
    private var listeners: [UUID: AsyncStream<Event>.Continuation] = [:]

    enum Event: Sendable {
        case built(Int)
        case failed(String)
    }

    public init(host: String, port: Int, pdfName: String) {
        self.host = host
        requestedPort = port
        pdfPath = "/" + pdfName
    }

    /// Starts listening; returns the port (the one the system chose for 0). Throws when the
    /// address cannot be bound (in use, not this machine's).
    public func start() throws -> Int {
        // HEAD is answered as GET is, without the body (a link checker, `curl -I`).
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.get("/") { _, _ in try self.page() }
        router.get("/index.html") { _, _ in try self.page() }
        router.get("/events") { _, _ in self.events() }
        // The PDF's name as a browser sends it: percent-encoded where it has spaces or letters
        // outside ASCII, which the router compares as they come.
        router.get("*") { request, _ in
            guard request.uri.path.removingPercentEncoding == self.pdfPath else { throw HTTPError(.notFound) }
            return try self.document()
        }
        let bound = BoundPort()
        // The watch prints its own lines: the server speaks only of what went wrong.
        var logger = Logger(label: "briefing-preview")
        logger.logLevel = .error
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: requestedPort), serverName: "briefing"),
            onServerRunning: { channel in bound.set(.success(channel.localAddress?.port ?? 0)) }, logger: logger)
        Task.detached {
            do {
                try await app.run()
            } catch {
                bound.set(.failure(error))
            }
        }
        do {
            return try bound.wait()
        } catch {
            throw BindFailure(message: Self.explain(error, host: host, port: requestedPort))
        }
    }

    /// Why an address could not be bound, in a user's words rather than SwiftNIO's.
    static func explain(_ error: any Error, host: String, port: Int) -> String {
        if error is SocketAddressError.UnknownHost { return "'\(host)' is not a host name or address this machine knows" }
        guard let io = error as? IOError else { return "\(error)" }
        switch io.errnoCode {
        case EADDRINUSE: return "port \(port) is in use"
        case EADDRNOTAVAIL: return "\(host) is not an address of this machine"
        case EACCES: return "port \(port) needs privileges (give one from 1024, or 0 for a free one)"
        default: return "\(error)"
        }
    }

    struct BindFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// A good build: its page and PDF are served from now on, and open pages update.
    public func publish(html: Data, pdf: Data?) {
        lock.lock()
        build += 1
        self.html = html
        self.pdf = pdf
        failure = nil
        let event = Event.built(build)
        let listeners = Array(self.listeners.values)
        lock.unlock()
        for listener in listeners { listener.yield(event) }
    }

    /// A failed build: open pages show the error over the last good content.
    public func fail(_ message: String) {
        lock.lock()
        failure = message
        let listeners = Array(self.listeners.values)
        lock.unlock()
        for listener in listeners { listener.yield(.failed(message)) }
    }

    // MARK: - Responses

    private func page() throws -> Response {
        lock.lock()
        let (html, build) = (self.html, self.build)
        lock.unlock()
        // Before the first good build (it is running, or it failed): a page that waits for it
        // and shows the failure meanwhile.
        let page = html ?? Data(Self.waiting.utf8)
        return response(LivePage.inject(into: page, build: build), type: "text/html; charset=utf-8")
    }

    static let waiting = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Waiting for the first build</title>
        </head>
        <body>
        <main><p>Waiting for the first good build of the briefing.</p></main>
        </body>
        </html>

        """

    private func document() throws -> Response {
        lock.lock()
        let pdf = self.pdf
        lock.unlock()
        guard let pdf else { throw HTTPError(.notFound) }
        return response(pdf, type: "application/pdf")
    }

    private func response(_ data: Data, type: String) -> Response {
        var buffer = ByteBuffer()
        buffer.writeBytes(data)
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: ResponseBody(byteBuffer: buffer))
    }

    /// Server-Sent Events: the current build (and failure, if any) at once, then each one.
    private func events() -> Response {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(8))
        lock.lock()
        listeners[id] = continuation
        continuation.yield(.built(build))
        if let failure { continuation.yield(.failed(failure)) }
        lock.unlock()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.lock.lock()
            self.listeners[id] = nil
            self.lock.unlock()
        }
        let body = ResponseBody { writer in
            for await event in stream {
                var buffer = ByteBuffer()
                buffer.writeString(Self.encode(event))
                try await writer.write(buffer)
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    /// One event in the `text/event-stream` format: a failure's text as a JSON string, so its
    /// line breaks stay inside one `data:` line.
    static func encode(_ event: Event) -> String {
        switch event {
        case .built(let build): return "event: build\ndata: \(build)\n\n"
        case .failed(let message):
            let json = (try? JSONEncoder().encode(message)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
            return "event: failed\ndata: \(json)\n\n"
        }
    }
}

/// The port the server bound, or why it could not, handed from its task to the caller.
private final class BoundPort: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<Int, any Error>?

    func set(_ value: Result<Int, any Error>) {
        condition.lock()
        if result == nil { result = value }
        condition.broadcast()
        condition.unlock()
    }

    func wait() throws -> Int {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return try result!.get()
    }
}
