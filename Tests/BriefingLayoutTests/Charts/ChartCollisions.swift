import Testing

@testable import BriefingLayout

enum ChartCollisions {
    /// No label box touches another label, a mark or the axis. With `insideMarks`, a label may
    /// sit wholly inside a mark (a value inside its bar segment) but never straddle one.
    static func expectNone(
        _ drawing: ChartDrawing, width: Double, insideMarks: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let labels = drawing.labelBoxes.sorted { $0.x < $1.x }
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] {
                if b.x >= a.maxX { break }
                #expect(!a.intersects(b), "labels overlap: \(a) and \(b)", sourceLocation: sourceLocation)
            }
            for mark in drawing.markBoxes where a.intersects(mark) {
                let inside = a.x >= mark.x - 0.001 && a.maxX <= mark.maxX + 0.001 && a.y >= mark.y - 0.001 && a.maxY <= mark.maxY + 0.001
                if !(insideMarks && inside) { Issue.record("label \(a) overlaps mark \(mark)", sourceLocation: sourceLocation) }
            }
            if let axis = drawing.axisBox { #expect(!a.intersects(axis), "label \(a) touches the axis", sourceLocation: sourceLocation) }
            #expect(a.x >= -0.001 && a.maxX <= width + 0.001, "label \(a) leaves the chart", sourceLocation: sourceLocation)
        }
    }
}
