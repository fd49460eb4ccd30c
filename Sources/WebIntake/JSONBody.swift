import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// JSON answers in imrf's one JSON form (`JSONOutput`: keys sorted, dates ISO 8601).
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONOutput.encoder().encode(value)) ?? Data("{\"error\":\"cannot encode the answer\",\"hint\":null}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The limits of what a request may send.
public enum IntakeLimits {
    /// A note's size limit: the API's body limit (413 beyond it).
    public static var noteBytes: Int { WorkspaceLayout.maximumNoteBytes }
}
