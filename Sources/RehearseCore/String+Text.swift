extension String {
    /// The string without leading and trailing white space. A string that starts and ends with a
    /// printable ASCII character other than a space has none to trim and comes back as it is (a
    /// cache in front of the rule: a sheet's cells are trimmed by the million).
    public var trimmingSpaces: String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first),
            (0x21...0x7E).contains(last)
        {
            return self
        }
        return trimmingSpacesByRule
    }

    /// `trimmingSpaces` by its rule, without the cache in front.
    var trimmingSpacesByRule: String {
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
