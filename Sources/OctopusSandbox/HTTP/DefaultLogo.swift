import Foundation
import HTTPTypes
import Hummingbird

/// The image Octopus shows for a space, project, tenant or step template without a logo of its
/// own: here a 32×32 PNG, a blue disc, served with a long cache lifetime as Octopus does.
enum DefaultLogo {
    static let png: Data = Data(
        base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAZ0lEQVR42u3X0Q0AEAxF0W5kWAvahAGEoNo+8SS+7/miFXntpFzq7IZETTGncTVCG1ZBbse3EFbxZUQowDo+RXjFh4i/Ad7xDkEAAQSEA/gSQgDCv2NORDBDKcRYDrGYwKxmEMup5Wm5u1q2+p1LcwAAAABJRU5ErkJggg==")
        ?? Data()

    /// `200 image/png` with the logo.
    static func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "image/png"
        headers[.contentLength] = String(png.count)
        headers[.cacheControl] = "public, max-age=31536000"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }
}
