/// `--shard i/n`: the `i`-th of `n` parts of the spec files, for a CI matrix.
///
/// Every file falls in exactly one shard, the same one on every machine and run for the same files (nothing random,
/// nothing hashed: files are dealt heaviest first — by selected test count, then by path — each to the lightest
/// shard so far, the lowest-numbered on a tie), so the shards carry close to equal numbers of tests.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public static let maximumCount = 1000

    /// Parses `i/n` (1 ≤ i ≤ n ≤ 1000), or throws a message saying what is wrong.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardError("--shard '\(text)': write it as INDEX/COUNT, such as 1/4")
        }
        guard (1...Self.maximumCount).contains(count) else {
            throw ShardError("--shard '\(text)': the count must be from 1 to \(Self.maximumCount)")
        }
        guard (1...count).contains(index) else {
            throw ShardError("--shard '\(text)': the index must be from 1 to \(count) (shards are numbered from 1)")
        }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// For each shard (0-based), the positions of the files it takes, in their original order.
    static func deal(weights: [(path: String, tests: Int)], into count: Int) -> [[Int]] {
        let order = weights.indices.sorted { a, b in
            weights[a].tests != weights[b].tests ? weights[a].tests > weights[b].tests : weights[a].path < weights[b].path
        }
        var loads = [Int](repeating: 0, count: count)
        var shards = [[Int]](repeating: [], count: count)
        for file in order {
            var lightest = 0
            for shard in 1..<max(count, 1) where loads[shard] < loads[lightest] { lightest = shard }
            loads[lightest] += max(weights[file].tests, 1)
            shards[lightest].append(file)
        }
        return shards.map { $0.sorted() }
    }

    /// The positions of the files that fall in this shard, in their original order.
    func positions(weights: [(path: String, tests: Int)]) -> [Int] {
        Self.deal(weights: weights, into: count)[index - 1]
    }
}

/// A `--shard` value that is not `i/n` with 1 ≤ i ≤ n.
public struct ShardError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
