extension ChartFigure: Equatable {
    /// Figures compare by identity and caption: the data they carry comes from the model.
    public static func == (lhs: ChartFigure, rhs: ChartFigure) -> Bool {
        lhs.kind == rhs.kind && lhs.number == rhs.number && lhs.title == rhs.title && lhs.altText == rhs.altText
            && lhs.sourceIDs == rhs.sourceIDs && lhs.blockID == rhs.blockID
    }
}
