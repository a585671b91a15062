import Foundation

/// The pure part of posting a batch: which transfers are new to the batch, which repeat a key an earlier
/// transfer of the same batch used, and whether the batch, applied transfer by transfer in its order, keeps every
/// account that holds money at zero or above.
struct LedgerBatchPlan {
    let transfers: [TransferRequest]
    /// The first transfer of each key, in batch order, with its index in the batch.
    let firsts: [(index: Int, transfer: TransferRequest)]
    /// For every transfer of the batch, the index of the first transfer with its key (itself for a first).
    let firstIndex: [Int]

    init(_ transfers: [TransferRequest]) {
        var seen: [String: Int] = [:]
        var firsts: [(index: Int, transfer: TransferRequest)] = []
        var firstIndex: [Int] = []
        for (index, transfer) in transfers.enumerated() {
            if let first = seen[transfer.idempotencyKey] {
                firstIndex.append(first)
            } else {
                seen[transfer.idempotencyKey] = index
                firsts.append((index, transfer))
                firstIndex.append(index)
            }
        }
        self.transfers = transfers
        self.firsts = firsts
        self.firstIndex = firstIndex
    }

    /// Whether two transfers under one key describe the same movement: same cause, same amounts on the same
    /// accounts.
    static func sameMovement(_ a: TransferRequest, _ b: TransferRequest) -> Bool {
        a.cause.kind == b.cause.kind && a.cause.referenceId == b.cause.referenceId && Set(a.legs) == Set(b.legs)
    }

    /// An account as it stands before the batch.
    struct AccountState {
        var balance: Int64
        var allowsNegative: Bool
    }

    /// Applies `transfers` in order to `accounts` (keyed by code) and answers the net change per account code, or
    /// the code of the first account a transfer would take below zero. Every account a leg names must be in
    /// `accounts`.
    static func netChanges(
        of transfers: [TransferRequest], from accounts: [String: AccountState]
    ) -> Result<[String: Int64], LedgerError> {
        var balances = accounts
        for transfer in transfers {
            for leg in transfer.legs {
                let code = leg.account.code
                guard var state = balances[code] else { return .failure(.insufficientFunds(account: code)) }
                let (next, overflowed) = state.balance.addingReportingOverflow(leg.amount)
                guard !overflowed, state.allowsNegative || next >= 0 else {
                    return .failure(.insufficientFunds(account: code))
                }
                state.balance = next
                balances[code] = state
            }
        }
        var net: [String: Int64] = [:]
        for (code, state) in balances {
            let (change, overflowed) = state.balance.subtractingReportingOverflow(accounts[code]?.balance ?? 0)
            guard !overflowed else { return .failure(.insufficientFunds(account: code)) }
            if change != 0 { net[code] = change }
        }
        return .success(net)
    }
}
