extension String {
    /// The string without leading and trailing white space.
    public var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    public func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Every occurrence of `target` replaced. A string without the first byte of `target`
    /// holds no occurrence and comes back as it is, without the split (a cache in front of
    /// the rule: an export asks this of every tag of 22,000 questions).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard let first = target.utf8.first else {
            return replacingAllByRule(target, with: replacement)
        }
        var text = self
        if text.withUTF8({ !$0.contains(first) }) { return self }
        return replacingAllByRule(target, with: replacement)
    }

    /// `replacingAll` by its rule, without the cache in front.
    func replacingAllByRule(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
