import Foundation

/// What the preview adds to the HTML edition it serves (never to the file it writes): the
/// build's number, and a script that listens for builds and failures. On a build it fetches
/// the page again and puts the new body in place of the old one, at the same scroll position,
/// without a reload; on a failure it shows the located error over the page and keeps the last
/// good content; the next good build takes the error away.
enum LivePage {
    static func inject(into html: Data, build: Int) -> Data {
        var text = String(decoding: html, as: UTF8.self)
        let head = "<meta name=\"briefing-build\" content=\"\(build)\">\n<script>\n\(script)</script>\n"
        if let end = text.range(of: "</head>") { text.replaceSubrange(end.lowerBound..<end.lowerBound, with: head) }
        return Data(text.utf8)
    }

    static let script = """
        (function () {
          var shown = (document.querySelector('meta[name="briefing-build"]') || {}).content;
          function panel() {
            var box = document.getElementById('briefing-build-error');
            if (!box) {
              box = document.createElement('div');
              box.id = 'briefing-build-error';
              box.setAttribute('role', 'alert');
              box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1rem;'
                + 'background:#7a1f12;color:#fff;font:14px/1.45 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483647';
            }
            return box;
          }
          function showError(text) { var box = panel(); box.textContent = text; document.body.appendChild(box); }
          function hideError() { var box = document.getElementById('briefing-build-error'); if (box) box.remove(); }
          var source = new EventSource('/events');
          source.addEventListener('build', function (event) {
            if (event.data === shown) { hideError(); return; }
            fetch('/', { cache: 'no-store' }).then(function (response) { return response.text(); }).then(function (text) {
              var page = new DOMParser().parseFromString(text, 'text/html');
              var meta = page.querySelector('meta[name="briefing-build"]');
              var x = window.scrollX, y = window.scrollY;
              document.title = page.title;
              document.body.replaceWith(document.adoptNode(page.body));
              window.scrollTo(x, y);
              shown = meta ? meta.content : event.data;
              hideError();
            });
          });
          source.addEventListener('failed', function (event) { showError(JSON.parse(event.data)); });
        })();

        """
}
