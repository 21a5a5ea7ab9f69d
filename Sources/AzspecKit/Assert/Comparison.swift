import AzspecCore
import Foundation

/// `lt`, `le`, `gt`, `ge`.
enum Comparison: String, Sendable {
    case lt, le, gt, ge

    var symbol: String {
        switch self {
        case .lt: "<"
        case .le: "<="
        case .gt: ">"
        case .ge: ">="
        }
    }

    func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .lt: lhs < rhs
        case .le: lhs <= rhs
        case .gt: lhs > rhs
        case .ge: lhs >= rhs
        }
    }
}
